"""A visitor finds a municipality on the map, reads its strategy and action plan, and compares strategies."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser


def check(page):
    assert page.locator("h1").count() == 1, f"{page.url} should have one h1"
    assert_accessible(page)
    assert_no_console_errors(page)


def test_home_map_municipality_strategy_action_plan_and_comparison(demo_site, page):
    page.goto(demo_site.url + "/")
    check(page)

    page.locator("nav.main-nav").get_by_role("link", name="Kommuner").click()
    page.wait_for_url("**/kommuner/")
    assert page.locator("svg.denmark-map__svg a").count() == 98
    expect(page.get_by_role("table").first).to_be_visible()
    check(page)

    page.get_by_role("link", name=re.compile(r"^Aarhus Kommune: strategi")).click()
    page.wait_for_url("**/kommuner/aarhus/")
    check(page)

    page.get_by_role("link", name=re.compile("Strategi for grøn kultur")).click()
    page.wait_for_url("**/kommuner/aarhus/strategi-for-groen-kultur/")
    expect(page.get_by_text("Eksempelindhold.")).to_be_visible()
    check(page)

    page.locator("#plans-heading + ul a").first.click()
    page.wait_for_url("**/kommuner/aarhus/handlingsplan/")
    assert page.locator("li.action[id^=handling-]").count() >= 4
    check(page)

    page.goto(demo_site.url + "/kommuner/")
    page.get_by_role("link", name="Sammenlign strategier og handlingsplaner").click()
    page.wait_for_url("**/kommuner/sammenlign/")
    check(page)
    page.locator("fieldset", has_text="Aarhus Kommune").get_by_label(re.compile("Strategi for grøn kultur")).check()
    page.locator("fieldset", has_text="Odense Kommune").get_by_label(re.compile("Strategi for grøn kultur")).check()
    page.get_by_role("button", name="Sammenlign").click()
    page.wait_for_url("**/kommuner/sammenlign/?side=*")
    assert page.locator("table.comparison thead th").count() == 2
    check(page)


def test_map_links_are_reachable_and_followed_by_keyboard(demo_site, page):
    page.goto(demo_site.url + "/kommuner/")
    link = page.locator('svg a[aria-label^="Odense Kommune"]')
    link.focus()
    assert link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kommuner/odense/")


def test_filters_and_an_unknown_value_on_a_narrow_screen(demo_site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(demo_site.url + "/kommuner/?region=atlantis")
    expect(page.get_by_text("Vi kender ikke regionen »atlantis«")).to_be_visible()
    page.get_by_label("Region", exact=True).select_option(label="Region Nordjylland")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url("**region=region-nordjylland**")
    cards = page.locator(".listing .card h3")
    assert "Aalborg Kommune" in cards.all_inner_texts()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check(page)


def test_action_can_be_linked_to_directly(demo_site, page):
    page.goto(demo_site.url + "/kommuner/odense/handlingsplan/")
    anchor = page.locator("li.action").nth(1).get_attribute("id")
    page.goto(demo_site.url + f"/kommuner/odense/handlingsplan/#{anchor}")
    assert page.locator(f"#{anchor}").evaluate("el => el.matches(':target')")
    check(page)


def test_coverage_and_organisation_pages(demo_site, page):
    page.goto(demo_site.url + "/kommuner/daekning/")
    assert page.get_by_role("table").count() == 3
    check(page)
    page.goto(demo_site.url + "/kommuner/aarhus/handlingsplan/")
    page.locator(".action a[href^='/organisationer/']").first.click()
    page.wait_for_url("**/organisationer/**")
    assert page.locator("section h2").count() >= 1
    check(page)
