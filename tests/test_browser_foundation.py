"""The foundation as a visitor meets it in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser


def test_home_page_and_every_main_menu_link_work_and_are_accessible(demo_site, page):
    page.goto(demo_site.url + "/")
    assert page.locator("h1").count() == 1
    assert page.get_attribute("html", "lang") == "da"
    assert_accessible(page)
    assert_no_console_errors(page)

    links = page.locator("nav.main-nav a")
    targets = [(links.nth(i).inner_text(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert len(targets) >= 2, "the demo's main menu should have links"
    for title, href in targets:
        response = page.goto(demo_site.url + href)
        assert response.status == 200, f"{title} ({href}) answered {response.status}"
        assert page.locator("h1").count() == 1, f"{href} should have one h1"
        assert page.locator("nav.main-nav a[aria-current='page']").inner_text() == title
        assert_accessible(page)
        assert_no_console_errors(page)


def test_skip_link_moves_keyboard_focus_to_the_content(demo_site, page):
    page.goto(demo_site.url + "/om-netvaerket/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_narrow_screen_menu_opens_and_closes(demo_site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(demo_site.url + "/")
    toggle = page.locator(".main-nav__toggle")
    expect(toggle).to_be_visible()
    assert not page.locator("#main-nav-list").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    expect(page.locator("#main-nav-list")).to_be_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    no_horizontal_scroll = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_horizontal_scroll, "the page should fit a 320 px screen without scrolling sideways"
    assert_accessible(page)


def test_narrow_screen_menu_is_drawn_closed_before_the_script_runs(demo_site, page):
    # site.js never arrives: what shows is what the first paint draws, so the menu cannot open then collapse.
    page.route("**/cms/js/site*.js", lambda route: route.abort())
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(demo_site.url + "/")
    expect(page.locator(".main-nav__toggle")).to_be_visible()
    assert not page.locator("#main-nav-list").is_visible()


def test_without_javascript_the_menu_is_always_shown(demo_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 700})
    tab = context.new_page()
    tab.goto(demo_site.url + "/")
    expect(tab.locator("#main-nav-list")).to_be_visible()
    assert not tab.locator(".main-nav__toggle").is_visible()
    context.close()


def test_english_version_is_reachable_from_the_language_link(demo_site, page):
    page.goto(demo_site.url + "/medlemskab/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/medlemskab/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    assert_accessible(page)
