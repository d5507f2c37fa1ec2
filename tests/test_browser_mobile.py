"""On a phone: /kommuner/ puts the member list before the long table, /soeg/ the first result near the top.

Also the map's links and skip links on / and /kommuner/ (no link goes nowhere; keyboard users can pass the map).
"""

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def test_kommuner_on_a_phone_lists_members_before_the_folded_table(demo_site, page):
    page.set_viewport_size(PHONE)
    page.goto(demo_site.url + "/")
    page.locator("nav.main-nav").get_by_role("button", name="Menu").click()
    page.locator("nav.main-nav").get_by_role("link", name="Kommuner").click()
    page.wait_for_url("**/kommuner/")
    table = page.locator("details.map-table")
    assert table.get_attribute("open") is None, "the 98-row table is folded on a phone"
    listing_top = page.locator("#listing-heading").bounding_box()["y"]
    assert listing_top < 2 * PHONE["height"], f"member list starts {listing_top}px down"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

    table.locator("summary").click()
    status_header = page.get_by_role("columnheader", name="Status")
    expect(status_header).to_be_visible()
    box = status_header.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"], "the Status column is not cut off"
    wrap = page.locator(".map-table__scroll")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert_no_console_errors(page)


def test_kommuner_at_desktop_width_shows_the_table_beside_the_map_without_overflow(demo_site, page):
    page.goto(demo_site.url + "/kommuner/")
    assert page.locator("details.map-table").get_attribute("open") is not None
    assert page.locator(".map-table__scroll").evaluate("el => el.scrollWidth <= el.clientWidth + 1")


def test_skip_links_pass_the_map_and_no_map_link_is_dead(demo_site, page):
    page.goto(demo_site.url + "/")
    hrefs = page.locator("svg.denmark-map__svg a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 98
    assert all(not href.startswith("#") for href in hrefs), "home page map links point to /kommuner/ rows"
    skip = page.get_by_role("link", name="Spring kortet over")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "home-map-text"

    non_member = next(href for href in hrefs if "#kommune-" in href)
    page.goto(demo_site.url + non_member)
    code = non_member.split("#kommune-")[1]
    assert page.locator(f"#kommune-{code}").count() == 1

    page.goto(demo_site.url + "/kommuner/")
    page.get_by_role("link", name="Spring kortet over og gå til tabellen").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('svg') === null")
    assert focused, "after the skip link, Tab does not land in the map"


def test_search_on_a_phone_shows_the_first_result_near_the_top(demo_site, page):
    page.set_viewport_size(PHONE)
    page.goto(demo_site.url + "/soeg/?q=kultur")
    filters = page.locator("details.search__filters")
    assert filters.get_attribute("open") is None
    first_hit = page.locator(".search-hit").first
    assert first_hit.bounding_box()["y"] < 1.5 * PHONE["height"]
    filters.locator("summary").click()
    expect(filters.get_by_role("button", name="Vis resultater")).to_be_visible()
    assert_accessible(page)
    assert_no_console_errors(page)
