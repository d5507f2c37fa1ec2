"""A visitor follows the network: meetings, a meeting, a case, a workshop and the conference."""

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, assert_no_console_errors

pytestmark = pytest.mark.browser


def check(page):
    assert page.locator("h1").count() == 1, f"{page.url} should have one h1"
    assert_accessible(page)
    assert_no_console_errors(page)


def test_visitor_walks_from_the_meetings_to_the_conference(demo_site, page):
    page.goto(demo_site.url + "/")
    page.locator("nav.main-nav").get_by_role("link", name="Netværksmøder").click()
    page.wait_for_url("**/netvaerksmoeder/")
    expect(page.get_by_role("heading", name="Kommende møder")).to_be_visible()
    expect(page.get_by_role("heading", name="2024", exact=True)).to_be_visible()
    check(page)

    page.get_by_role("link", name="Netværksmøde 5. februar 2024").click()
    page.wait_for_url("**/netvaerksmoeder/februar-2024/")
    expect(page.get_by_role("heading", name="Program")).to_be_visible()
    expect(page.get_by_role("link", name="Sara Eksempel")).to_be_visible()
    calendar_link = page.get_by_role("link", name="Føj til kalender")
    assert calendar_link.get_attribute("href").endswith("/netvaerksmoeder/februar-2024/kalender.ics")
    check(page)

    page.get_by_role("link", name="Læs casen: Eksempel: Reparationscafé på biblioteket").click()
    page.wait_for_url("**/februar-2024/reparationscafe/")
    expect(page.get_by_role("heading", name="Udfordringen")).to_be_visible()
    expect(page.get_by_text("Eksempelindhold.")).to_be_visible()
    expect(page.get_by_role("heading", name="Kontaktperson")).to_be_visible()
    check(page)

    page.get_by_role("link", name="Netværksmøde 5. februar 2024").last.click()
    page.wait_for_url("**/netvaerksmoeder/februar-2024/")
    page.get_by_role("link", name="Se workshoppens resultater: Eksempel: Biblioteket som grønt mødested").click()
    page.wait_for_url("**/februar-2024/groent-moedested/")
    expect(page.get_by_role("heading", name="Spørgsmålet")).to_be_visible()
    poster = page.locator("main figure img").first
    assert poster.get_attribute("alt").strip(), "the poster photo should have alt text"
    check(page)

    page.locator("nav.main-nav").get_by_role("link", name="Konference 2026").click()
    page.wait_for_url("**/konference/")
    expect(page.get_by_role("heading", name="Præsenterende medlemskommuner")).to_be_visible()
    check(page)


def test_speaker_page_and_calendar_download(demo_site, page):
    page.goto(demo_site.url + "/netvaerksmoeder/februar-2024/")
    page.get_by_role("link", name="Sara Eksempel").click()
    expect(page.get_by_role("heading", name="Sara Eksempel", level=1)).to_be_visible()
    assert page.locator("main img").count() == 0
    check(page)

    response = page.request.get(demo_site.url + "/netvaerksmoeder/kalender.ics")
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "BEGIN:VCALENDAR" in response.text()


def test_meeting_page_fits_a_narrow_screen(demo_site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(demo_site.url + "/netvaerksmoeder/februar-2024/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check(page)
