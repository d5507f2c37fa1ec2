"""Themes in search: each theme's route is a document, and editing a theme re-indexes what carries it."""

import pytest

from cms.factories import StandardPageFactory
from cms.models import Theme, ThemeIndexPage
from search.engines import SearchRequest, database_engine
from search.text import parse_query


def found(q):
    results = database_engine().search(SearchRequest(query=parse_query(q)))
    return {(hit.title, hit.url) for hit in results.hits}


@pytest.mark.django_db(transaction=True)
def test_a_theme_is_found_at_its_route_and_through_the_pages_that_carry_it(home_page, migrated_db):
    index = ThemeIndexPage(title="Temaer", slug="temaer")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    theme = Theme.objects.get(name="samskabelse")
    page = StandardPageFactory(parent=home_page, title="Et møde om byen", intro="Om byen.")
    page.themes.add(theme)
    page.save_revision().publish()

    assert ("Samskabelse", f"/temaer/{theme.slug}/") in found("samskabelse")
    assert ("Et møde om byen", page.url) in found("samskabelse")  # the theme's name is the page's text

    theme.description = "Borgere og institutioner skaber løsninger sammen med kommunen, fx vandlaug."
    theme.save()  # re-indexes the theme's route and the page carrying it
    assert {("Samskabelse", f"/temaer/{theme.slug}/"), ("Et møde om byen", page.url)} <= found("vandlaug")
