"""The index follows what editors do, end to end with standard pages."""

import logging

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction, Workflow

import pytest

from cms.models import StandardPage
from search.engines import SearchRequest, database_engine
from search.models import DocumentText, IndexEntry
from search.text import parse_query

from .pdfs import broken_pdf, text_pdf

pytestmark = pytest.mark.django_db


def found(query):
    results = database_engine().search(SearchRequest(query=parse_query(query)))
    return {hit.title: hit.url for hit in results.hits}


def publish(parent, title, slug, body=None, **fields):
    page = StandardPage(title=title, slug=slug, live=False, body=body or [], **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def test_publishing_indexes_the_page_with_its_body(home_page):
    publish(home_page, "Om klimaet", "om-klimaet", intro="Kort om netværket.", body=paragraph("Bibliotekerne sparer"))
    assert found("biblioteket") == {"Om klimaet": "/om-klimaet/"}
    entry = IndexEntry.objects.get(title="Om klimaet")
    # Standard pages are undated: their text has no date of its own.
    assert entry.kind == "page" and entry.summary == "Kort om netværket." and entry.date is None


def test_drafts_are_never_indexed(home_page):
    page = StandardPage(title="Hemmelig kladde", slug="kladde", live=False, body=paragraph("fortroligt indhold"))
    home_page.add_child(instance=page)
    page.save_revision()
    assert found("kladde") == {}
    assert not IndexEntry.objects.filter(page_id=page.pk).exists()


def test_draft_changes_to_a_live_page_are_not_indexed_until_published(home_page):
    page = publish(home_page, "Offentlig titel", "offentlig")
    page.title = "Ny ikke-godkendt titel"
    page.save_revision()
    assert found("offentlig") == {"Offentlig titel": "/offentlig/"}
    assert found("godkendt") == {}


def test_pages_in_moderation_are_never_indexed(home_page):
    user = get_user_model().objects.create_superuser("moderator", "m@example.org", "x")
    page = StandardPage(title="Afventer godkendelse", slug="afventer", live=False)
    home_page.add_child(instance=page)
    page.save_revision(user=user)
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None
    workflow.start(page, user)
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert found("godkendelse") == {}


def test_unpublishing_removes_the_page(home_page):
    page = publish(home_page, "Kulturnat", "kulturnat")
    assert found("kulturnat")
    page.unpublish()
    assert found("kulturnat") == {}


def test_deleting_removes_the_page_and_its_children(home_page):
    parent = publish(home_page, "Forælder", "foraelder")
    publish(parent, "Barn om museer", "barn")
    parent.delete()
    assert found("museer") == {}
    assert IndexEntry.objects.count() == 0


def test_moving_updates_the_address(home_page):
    section = publish(home_page, "Sektion", "sektion")
    page = publish(home_page, "Musikskolen", "musikskolen")
    page.move(section, pos="last-child")
    assert found("musikskolen") == {"Musikskolen": "/sektion/musikskolen/"}


def test_a_new_slug_updates_the_addresses_below(home_page):
    section = publish(home_page, "Sektion", "sektion")
    publish(section, "Teateret", "teateret")
    section.slug = "afsnit"
    section.save_revision().publish()
    assert found("teateret") == {"Teateret": "/afsnit/teateret/"}


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_private_pages_and_their_children_are_removed_and_return_when_public(home_page, restriction_type):
    section = publish(home_page, "Intern sektion", "intern")
    publish(section, "Intern note om arkivet", "note")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=restriction_type, password="x")
    assert found("intern") == {}
    assert found("arkivet") == {}
    # Publishing a restricted page again does not put it back.
    section.save_revision().publish()
    assert found("intern") == {}
    restriction.delete()
    assert set(found("intern")) == {"Intern sektion", "Intern note om arkivet"}


def test_pdf_text_is_indexed(home_page):
    document = Document.objects.create(
        title="Klimaplan", file=ContentFile(text_pdf("Solceller på kulturhusets grønne tag"), name="plan.pdf")
    )
    publish(home_page, "Planer", "planer", body=[("document", {"document": document, "title": ""})])
    assert "Planer" in found("solcellerne")
    assert DocumentText.objects.get(document=document).readable


def test_an_unreadable_pdf_is_logged_and_skipped_and_the_page_still_publishes(home_page, caplog):
    document = Document.objects.create(title="Ødelagt", file=ContentFile(broken_pdf(), name="broken.pdf"))
    with caplog.at_level(logging.WARNING, logger="search.pdf"):
        page = publish(
            home_page, "Side med ødelagt PDF", "oedelagt", body=[("document", {"document": document, "title": ""})]
        )
    assert page.live
    assert "Side med ødelagt PDF" in found("ødelagt")
    assert any("documents/broken" in record.getMessage() for record in caplog.records)
    assert DocumentText.objects.get(document=document).readable is False


def test_a_failing_page_type_never_blocks_publishing(home_page, monkeypatch, caplog):
    def explode(self):
        raise RuntimeError("boom")
        yield

    monkeypatch.setattr(StandardPage, "search_documents", explode)
    with caplog.at_level(logging.ERROR, logger="search.pipeline"):
        page = publish(home_page, "Robust", "robust")
    assert page.live
    assert found("robust") == {}
    assert "could not build the documents" in caplog.text
