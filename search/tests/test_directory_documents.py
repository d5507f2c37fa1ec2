"""Organisations and people in search: what their public pages show, kept in step with the directory and the pages."""

from urllib.parse import unquote

from django.utils import translation

import pytest

from cases.models import Talk
from cases.tests.utils import agenda_item, build_site, publish
from cms.models import Municipality
from directory.factories import OrganisationFactory, PersonFactory
from search import indexing
from search.documents import kind_label
from search.engines import SearchRequest, database_engine
from search.models import IndexEntry
from search.text import parse_query

pytestmark = pytest.mark.django_db


def found(query, **filters):
    """The people and organisations found (the meeting page that names its speakers is found too, and left out)."""
    results = database_engine().search(SearchRequest(query=parse_query(query), filters=filters))
    return {unquote(hit.url): hit.title for hit in results.hits if hit.kind in ("person", "organisation")}


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_site()


def test_a_speaker_is_found_by_name_role_and_talk_and_links_to_their_page(site):
    speaker = site["speaker"]
    page = f"/personer/{speaker.slug}/"
    assert found("oline") == {page: "Oline Oplægsholder"}
    assert page in found("kulturkonsulent oline")  # the job title, as on the page
    assert page in found("klima kultur oplægsholder")  # the talk's title
    entry = IndexEntry.objects.get(key=f"directory.person:{speaker.pk}")
    assert entry.page_id is None and entry.date is None
    # Contact details are left out: the page shows them, search does not find people by them.
    assert speaker.work_email not in entry.body + entry.summary


def test_people_without_a_public_page_are_not_found(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PersonFactory(name="Kun Iregistret")
    assert found("iregistret") == {}
    indexing.rebuild()
    assert found("iregistret") == {}
    assert list(found("oline").values()) == ["Oline Oplægsholder"]


def test_a_new_speaker_is_found_when_the_meeting_is_published_and_gone_when_it_is_unpublished(site):
    meeting = site["meeting"]
    newcomer = PersonFactory(name="Nanna Nyankomne")
    assert found("nyankomne") == {}
    meeting.programme = [agenda_item("Energi i teatret", speakers=[newcomer])]
    meeting.save_revision()
    assert found("nyankomne") == {}  # a draft shows nothing
    publish(meeting)
    assert found("nyankomne") == {f"/personer/{newcomer.slug}/": "Nanna Nyankomne"}
    assert found("oline") == {}  # the old speaker's only talk went with the old programme
    meeting.unpublish()
    assert found("nyankomne") == {}


def test_an_organisation_is_indexed_changed_and_removed_with_the_directory(
    home_page, django_capture_on_commit_callbacks
):
    aarhus = Municipality.objects.get(short_name="Aarhus")
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(
            name="Godsbanen", description="Kulturproduktionscenter med værksteder.", municipality=aarhus
        )
    page = f"/organisationer/{organisation.slug}/"
    assert found("godsbanen") == {page: "Godsbanen"}
    assert page in found("vaerksteder")  # the description, letters folded
    assert page in found("bibliotek godsbanen")  # its type, as its page shows it
    assert page in found("", municipality=[str(aarhus.code)], kind=["organisation"])
    with django_capture_on_commit_callbacks(execute=True):
        organisation.description = "Scenekunst og litteratur."
        organisation.save()
    assert found("vaerksteder") == {} and page in found("scenekunst")
    key = f"directory.organisation:{organisation.pk}"
    organisation.delete()
    assert found("godsbanen") == {} and not IndexEntry.objects.filter(key=key).exists()


def test_the_kinds_read_in_danish_and_english_and_count_in_the_type_facet(site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Aarhus Musikskole")
    results = database_engine().search(SearchRequest(query=parse_query("")))
    people = IndexEntry.objects.filter(kind="person").count()  # the speaker and the case's contact person
    assert people == 2 and results.facets["kind"]["person"] == people
    assert results.facets["kind"]["organisation"] == 1
    assert str(kind_label("person")) == "Person" and str(kind_label("organisation")) == "Organisation"
    with translation.override("en"):
        assert str(kind_label("person")) == "Person" and str(kind_label("organisation")) == "Organisation"


def test_update_drops_people_who_no_longer_have_a_public_page(site):
    speaker = site["speaker"]
    meeting = site["meeting"]
    # A bulk change that sends no signal: the talk goes, the index does not hear of it.
    Talk.objects.filter(page=meeting).delete()
    assert list(found("oline").values()) == ["Oline Oplægsholder"]
    report = indexing.update()
    assert found("oline") == {} and report.removed >= 1
    assert not IndexEntry.objects.filter(key=f"directory.person:{speaker.pk}").exists()
