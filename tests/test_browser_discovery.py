"""A visitor discovers content: home page → a theme → an item → a related item, accessible all the way."""

import pytest

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser


def test_home_to_theme_to_item_to_related_item(demo_site, page):
    page.goto(demo_site.url + "/")
    assert_accessible(page)
    tiles = page.locator("#home-themes ~ ul .theme-tile a")
    assert tiles.count() >= 3, "the demo's themes with content should show as tiles on the home page"
    theme_name = tiles.first.inner_text()
    tiles.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == theme_name
    assert page.locator('link[rel="alternate"][type="application/rss+xml"]').count() == 1
    assert_accessible(page)
    assert_no_console_errors(page)

    item = page.locator(".theme-group .card h3 a").first
    item_title = item.inner_text()
    item.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == item_title
    assert_accessible(page)

    related = page.locator("section.related .card h3 a")
    assert related.count() >= 1, f"{item_title} should show related content"
    assert related.count() <= 6
    related_titles = [related.nth(i).inner_text() for i in range(related.count())]
    assert item_title not in related_titles
    related.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == related_titles[0]
    assert_accessible(page)
    assert_no_console_errors(page)
