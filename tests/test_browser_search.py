"""Search as a visitor uses it in a real browser: search, narrow by two facets, page on, all accessible."""

import datetime

import pytest

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser

AARHUS, ODENSE = 751, 461


@pytest.fixture
def searchable_site(demo_site):
    """The demo site plus 40 published pages that search sees with themes, municipalities and types."""
    from cms.models import HomePage, StandardPage
    from search.documents import Kind, SearchDocument
    from search.engines import database_engine

    home = HomePage.objects.get()
    section = StandardPage(title="Eksempler på kulturhuse", slug="kulturhuse", live=False)
    home.add_child(instance=section)
    section.save_revision().publish()
    items = []
    for number in range(1, 41):
        page = StandardPage(title=f"Kulturhus nummer {number}", slug=f"kulturhus-{number}", live=False)
        section.add_child(instance=page)
        page.save_revision().publish()
        aarhus = number % 5 != 0
        items.append(
            (
                SearchDocument(
                    key=f"page:{page.pk}",
                    page_id=page.pk,
                    title=page.title,
                    kind=Kind.CASE if number % 2 else Kind.STRATEGY,
                    url=page.url,
                    summary=f"Kulturhuset arbejder med grøn omstilling, eksempel {number}.",
                    body="Et eksempel til demonstration af søgningen.",
                    themes=["grøn-dannelse"] if number % 4 else ["samskabelse"],
                    municipalities=[AARHUS if aarhus else ODENSE],
                    regions=[1082 if aarhus else 1083],
                    date=datetime.date(2020 + number % 6, 1 + number % 12, 1),
                ),
                "",
            )
        )
    database_engine().index(items, [page_id for page_id in (item[0].page_id for item in items)])
    return demo_site


def test_search_apply_two_facets_and_page_on(searchable_site, page):
    page.goto(searchable_site.url + "/")
    header_search = page.get_by_role("search", name="Søg på sitet")
    header_search.get_by_label("Søgeord").fill("kulturhuset")
    header_search.get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=kulturhuset")
    assert page.get_by_role("search").count() == 1  # the page's own search form replaces the header's

    status = page.get_by_role("status")
    found = int(status.inner_text().split()[0])
    assert found >= 40 and "resultater for “kulturhuset”" in status.inner_text()  # the demo may add more
    # The compound is highlighted whole on the pages about it (other hits may match by its part "kultur").
    about_it = page.locator(".search-hit", has_text="Kulturhus nummer").first
    assert about_it.locator("mark").first.inner_text().lower().startswith("kulturhus")
    assert page.get_by_role("search", name="Søg", exact=True).get_by_label("Søgeord").input_value() == "kulturhuset"
    assert_accessible(page)

    filters = page.locator(".search__filters")
    filters.get_by_role("group", name="Kommune").get_by_label("Aarhus").check()
    filters.get_by_role("group", name="Tema").get_by_label("grøn dannelse").check()
    filters.get_by_role("button", name="Vis resultater").click()
    page.wait_for_url("**kommune=aarhus**")
    assert "tema=gr%C3%B8n-dannelse" in page.url or "tema=grøn-dannelse" in page.url
    # 40 pages: Aarhus unless the number divides by 5, grøn dannelse unless it divides by 4.
    expected = sum(1 for n in range(1, 41) if n % 5 and n % 4)
    assert status.inner_text().startswith(f"{expected} resultater")
    assert filters.get_by_role("group", name="Kommune").get_by_label("Aarhus").is_checked()
    assert_accessible(page)

    pagination = page.get_by_role("navigation", name="Sider med resultater")
    pagination.get_by_role("link", name="Næste side").click()
    page.wait_for_url("**side=2**")
    assert "side 2 af 3" in status.inner_text()
    assert pagination.locator("[aria-current=page]").inner_text().strip().endswith("2")
    assert page.locator(".search-hit").count() == 10
    assert filters.get_by_role("group", name="Tema").get_by_label("grøn dannelse").is_checked()
    assert_accessible(page)
    assert_no_console_errors(page)


def test_no_results_and_a_narrow_screen(searchable_site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(searchable_site.url + '/soeg/?q="ingen+træffere+her"')
    assert "Vi fandt ingen sider" in page.locator(".search__empty").inner_text()
    assert page.get_by_role("link", name="grøn dannelse").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    assert_no_console_errors(page)
