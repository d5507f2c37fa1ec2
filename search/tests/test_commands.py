"""`search_index rebuild|update|clear` and the demo loader's rebuild."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from cms.models import StandardPage
from search.models import IndexEntry

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("search_index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def pages(home_page):
    public = StandardPage(title="Offentlig side om kultur", slug="offentlig")
    private = StandardPage(title="Privat side", slug="privat")
    draft = StandardPage(title="Kladde", slug="kladde", live=False)
    for page in (public, private, draft):
        home_page.add_child(instance=page)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return public, private, draft


def test_rebuild_indexes_public_pages_and_reports_what_it_skipped(pages):
    out, err = run("rebuild")
    titles = set(IndexEntry.objects.values_list("title", flat=True))
    assert titles == {"Offentlig side om kultur"}
    assert "1 dokumenter fra 1 sider indekseret" in out
    assert "1 sider: privat eller adgangsbegrænset" in out
    # The progress bar counts the live standard pages (the draft is not even considered).
    assert "standardsider                [##############################] 2/2" in err


def test_update_adds_new_pages_and_removes_ones_no_longer_public(pages):
    public, private, _draft = pages
    run("rebuild")
    PageViewRestriction.objects.filter(page=private).delete()  # signals reindex here already
    PageViewRestriction.objects.create(page=public, restriction_type="login")
    IndexEntry.objects.all().delete()
    out, _err = run("update", "--no-progress")
    assert set(IndexEntry.objects.values_list("title", flat=True)) == {"Privat side"}
    assert "1 sider: privat eller adgangsbegrænset" in out


def test_update_removes_entries_of_pages_that_went_private_without_a_signal(pages):
    public, _private, _draft = pages
    run("rebuild")
    StandardPage.objects.filter(pk=public.pk).update(live=False)  # a bulk change sends no signals
    out, _err = run("update", "--no-progress")
    assert IndexEntry.objects.count() == 0
    assert "1 sider fjernet fra indekset" in out


def test_clear_empties_the_index(pages):
    run("rebuild")
    out, _err = run("clear")
    assert IndexEntry.objects.count() == 0
    assert "tømt" in out


def test_rebuild_twice_gives_the_same_index(pages):
    run("rebuild")
    first = list(IndexEntry.objects.values_list("key", "title", "url"))
    run("rebuild")
    assert list(IndexEntry.objects.values_list("key", "title", "url")) == first
