"""The admin in Danish, as a municipal editor and a KL editor meet it in a real browser.

Each screen is checked with `tests.admin_language` for English outside the content: the visible text, the
placeholders and tooltips, and what a screen reader says. Every tab of every page type an editor may open,
the action menu, the side panels, choosers, uploads, the whole approval round with its e-mails, reports,
settings and the account screens. Findings are collected over the whole path and reported together.
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.admin_language import assert_danish, english_in_text, english_on_page

pytestmark = pytest.mark.browser

PASSWORD = "grøn-omstilling-2026"


class Findings:
    """English found per screen; the test fails with all of it at the end."""

    def __init__(self, page):
        self.page = page
        self.screens = []
        self.english = []

    def check(self, label, settle=True):
        if settle:
            self.page.wait_for_load_state("networkidle")
        self.screens.append(label)
        for text, words, where in english_on_page(self.page):
            self.english.append(f"{label}: {text[:100]!r} ({', '.join(words) or 'untranslated string'}; {where})")

    def check_text(self, label, text):
        self.screens.append(label)
        for line, words in english_in_text(text):
            self.english.append(f"{label}: {line[:100]!r} ({', '.join(words) or 'untranslated string'})")

    def assert_danish(self):
        assert not self.english, f"English on {len(self.english)} places:\n" + "\n".join(self.english)


def set_password(*usernames):
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.filter(username__in=usernames):
        user.set_password(PASSWORD)
        user.save()


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def page_id(url_path):
    from wagtail.models import Page

    return Page.objects.get(url_path=url_path).pk


def check_editor(findings, base, pk, label):
    """A page's editor: every tab, the action menu and every side panel."""
    page = findings.page
    # The editor keeps talking to the server (editing sessions, preview), so the network never goes quiet:
    # each step waits for what it shows instead.
    open_editor(page, f"{base}/admin/pages/{pk}/edit/")
    findings.check(f"{label}: editor", settle=False)
    for tab in page.locator(".w-tabs__list [role=tab]").all():
        tab.click()
        page.wait_for_selector(f"{tab.get_attribute('href')}:visible")
        findings.check(f"{label}: tab {tab.inner_text().strip()}", settle=False)
    toggle = page.locator("footer [data-w-dropdown-target=toggle]")
    if toggle.count():
        toggle.first.click()
        page.wait_for_selector("footer [data-w-dropdown-target=content]:visible")
        findings.check(f"{label}: action menu", settle=False)
        page.keyboard.press("Escape")
    for button in page.locator("[data-side-panel-toggle]").all():
        if button.is_visible():
            button.click()
            page.wait_for_selector(f"[data-side-panel='{button.get_attribute('data-side-panel-toggle')}']:visible")
            findings.check(f"{label}: side panel {button.get_attribute('aria-label')}", settle=False)
            button.click()


def open_editor(page, url):
    page.goto(url)
    page.wait_for_selector("footer button[type=submit]")


def open_chooser(findings, field, label):
    """Open the chooser of a form field, look at it (and its search), and close it."""
    page = findings.page
    page.evaluate(
        "(id) => document.querySelector(`#${id}-chooser [data-chooser-action-choose]`).click()",
        f"id_{field}",
    )
    page.wait_for_selector(".modal .modal-body :is(h1, h2, form)")
    findings.check(f"chooser {label}", settle=False)
    search = page.locator(".modal input[name=q]")
    if search.count():
        with page.expect_response(lambda response: "/results/" in response.url):
            search.fill("xyzzy")  # the chooser searches as the editor types
        page.wait_for_selector(".modal .modal-body :is(p, table)")
        findings.check(f"chooser {label}: search without hits", settle=False)
    page.keyboard.press("Escape")
    page.wait_for_selector(".modal", state="detached")


def open_partner_chooser(findings):
    """The partner chooser of the open strategy editor: the list, a search, and the "new organisation" tab."""
    page = findings.page
    page.locator(".w-tabs__list [role=tab]").first.click()  # the content tab: check_editor left the last one open
    page.get_by_role("button", name="Vælg partnere").click()
    page.wait_for_selector(".modal input[name=q]")
    findings.check("partner chooser", settle=False)
    with page.expect_response(lambda response: "/results/" in response.url):
        page.fill(".modal input[name=q]", "xyzzy")
    page.wait_for_selector(".modal .modal-body :is(p, table)")
    findings.check("partner chooser: search without hits", settle=False)
    page.locator(".modal #tab-label-create").click()
    expect(page.locator(".modal #tab-create input[name=name]")).to_be_visible()
    findings.check("partner chooser: new organisation", settle=False)
    close_modal(page)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (40, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes():
    from cms.demo.pdf import simple_pdf

    return simple_pdf(["Strategi for grøn kultur", "En side om grøn omstilling."])


def anonymous_screens(findings, base):
    page = findings.page
    page.goto(base + "/admin/login/")
    findings.check("login")
    page.fill("input[name=username]", "redaktoer-aarhus")
    page.fill("input[name=password]", "forkert")
    page.click("button[type=submit]")
    findings.check("login with a wrong password")
    page.goto(base + "/admin/password_reset/")
    findings.check("password reset")
    page.fill("input[name=email]", "redaktoer-aarhus@example.org")
    page.click("button[type=submit]")
    findings.check("password reset sent")


def municipal_editor_path(findings, base):
    page = findings.page
    municipality = page_id("/forside/kommuner/aarhus/")
    strategy = page_id("/forside/kommuner/aarhus/strategi-for-groen-kultur/")
    action_plan = page_id("/forside/kommuner/aarhus/handlingsplan/")
    log_in(page, base, "redaktoer-aarhus")
    findings.check("dashboard")
    page.locator("[data-w-breadcrumbs-target], .sidebar-main-menu").first.wait_for()
    page.goto(f"{base}/admin/pages/{municipality}/")
    findings.check("page listing")
    page.goto(f"{base}/admin/pages/search/?q=kultur")
    findings.check("page search")
    page.goto(f"{base}/admin/pages/{municipality}/add_subpage/")
    findings.check("choose page type")
    open_editor(page, f"{base}/admin/pages/add/strategies/strategypage/{municipality}/")
    findings.check("new strategy", settle=False)
    page.locator("footer button[type=submit]").first.click()  # empty form: the error messages
    page.wait_for_selector(".help-critical, .error-message")
    findings.check("new strategy with errors", settle=False)
    check_editor(findings, base, strategy, "strategy")
    for field, label in [("hero_image", "image"), ("document", "document"), ("contact", "person")]:
        open_chooser(findings, field, label)
    open_partner_chooser(findings)
    check_editor(findings, base, action_plan, "action plan")
    page.goto(f"{base}/admin/pages/{strategy}/history/")
    findings.check("page history")
    page.goto(f"{base}/admin/pages/{strategy}/revisions/compare/earliest...latest/")
    findings.check("compare revisions")

    page.goto(f"{base}/admin/images/")
    findings.check("images")
    page.goto(f"{base}/admin/images/multiple/add/")
    findings.check("upload images")
    page.set_input_files("#fileupload", files=[{"name": "eng.png", "mimeType": "image/png", "buffer": png_bytes()}])
    page.wait_for_selector("#upload-list li.upload-success, #upload-list li.upload-duplicate")
    findings.check("image uploaded")
    page.goto(f"{base}/admin/documents/")
    findings.check("documents")
    page.goto(f"{base}/admin/documents/multiple/add/")
    page.set_input_files(
        "#fileupload", files=[{"name": "strategi.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.wait_for_selector("#upload-list li.upload-success")
    findings.check("document uploaded")
    page.goto(f"{base}/admin/reports/locked/")
    findings.check("report: locked pages")
    page.goto(f"{base}/admin/account/")
    findings.check("account")

    # Submit the strategy for KL's approval.
    open_editor(page, f"{base}/admin/pages/{strategy}/edit/")
    page.fill("#id_title", "Strategi for grøn kultur 2024–2028 (revideret)")
    page.get_by_role("button", name="Indsend til godkendelse").click()
    page.wait_for_url(f"{base}/admin/pages/{municipality}/")
    findings.check("submitted for approval")
    open_editor(page, f"{base}/admin/pages/{strategy}/edit/")
    findings.check("editor while awaiting approval", settle=False)
    page.goto(f"{base}/admin/pages/{strategy}/workflow_history/")
    findings.check("workflow history")
    return strategy


COMMENT = "Tilføj venligst jeres partnere og en kontaktperson."


def reject_with_comment(page, base, pk, comment):
    open_editor(page, f"{base}/admin/pages/{pk}/edit/")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.get_by_role("button", name="Afvis og bed om ændringer").first.click()
    page.wait_for_selector(".modal .modal-body form textarea")
    page.fill(".modal .modal-body form textarea", comment)
    with page.expect_navigation():
        page.locator(".modal .modal-body form button[type=submit]").click()


def municipal_editor_hears_back(findings, base, strategy):
    """After KL's rejection: the dashboard says so with KL's comment, and the button says "Indsend igen"."""
    page = findings.page
    log_in(page, base, "redaktoer-aarhus")
    findings.check("dashboard after rejection")
    panel = page.locator("#municipal-editor-pages-heading").locator("xpath=..")
    row = panel.locator("tr", has_text="Strategi for grøn kultur 2024–2028 (revideret)")
    assert "Sendt tilbage af KL" in row.inner_text()
    assert COMMENT in row.inner_text()
    open_editor(page, f"{base}/admin/pages/{strategy}/edit/")
    expect(page.locator("footer").get_by_role("button", name="Indsend igen til godkendelse")).to_be_visible()
    findings.check("editor after rejection", settle=False)


def close_modal(page):
    """Close Wagtail's modal: Escape when focus is inside it, else its close button."""
    page.keyboard.press("Escape")
    try:
        page.wait_for_selector(".modal", state="detached", timeout=3000)
    except PlaywrightTimeoutError:
        page.locator(".modal button.close").first.click()
        page.wait_for_selector(".modal", state="detached")


def kl_editor_path(findings, base, strategy):
    page = findings.page
    log_in(page, base, "kl-redaktoer")
    findings.check("dashboard with a page awaiting review")
    check_editor(findings, base, strategy, "strategy under review")
    for action in ["Godkend med kommentar", "Afvis og bed om ændringer"]:
        open_editor(page, f"{base}/admin/pages/{strategy}/edit/")
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
        page.get_by_role("button", name=action, exact=False).first.click()
        page.wait_for_selector(".modal .modal-body form")
        findings.check(f"review modal: {action}", settle=False)
        close_modal(page)
    reject_with_comment(page, base, strategy, COMMENT)
    findings.check("rejected with a comment")
    for path, label in [
        ("/forside/", "home page"),
        ("/forside/om-netvaerket/", "standard page"),
        ("/forside/temaer/", "theme index"),
        ("/forside/kommuner/", "municipality index"),
        ("/forside/kommuner/aarhus/", "municipality page"),
        ("/forside/netvaerksmoeder/", "meeting index"),
        ("/forside/netvaerksmoeder/februar-2024/", "meeting"),
        ("/forside/netvaerksmoeder/februar-2024/reparationscafe/", "case"),
        ("/forside/netvaerksmoeder/februar-2024/groent-moedested/", "workshop output"),
        ("/forside/konference/", "conference"),
    ]:
        check_editor(findings, base, page_id(path), label)
    open_editor(page, f"{base}/admin/pages/{page_id('/forside/kommuner/aarhus/')}/edit/")
    open_chooser(findings, "municipality", "municipality")
    for path in [
        "/admin/snippets/",
        "/admin/snippets/cms/theme/",
        "/admin/snippets/cms/theme/add/",
        "/admin/snippets/cms/municipality/",
        "/admin/snippets/cms/region/",
        "/admin/snippets/directory/organisation/",
        "/admin/snippets/directory/organisation/add/",
        "/admin/snippets/directory/person/",
        "/admin/snippets/directory/person/add/",
        "/admin/settings/cms/sitesettings/",
        "/admin/settings/cms/navigationsettings/",
        "/admin/navigation/historik/",
        "/admin/searchpicks/",
        "/admin/searchpicks/add/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/page-types-usage/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/collections/",
    ]:
        page.goto(base + path)
        findings.check(path)


def test_a_municipal_editor_and_a_kl_editor_meet_no_english(demo_site, browser):
    from django.core import mail

    set_password("redaktoer-aarhus", "kl-redaktoer")
    mail.outbox.clear()
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    findings = Findings(page)

    anonymous_screens(findings, demo_site.url)
    strategy = municipal_editor_path(findings, demo_site.url)
    context.clear_cookies()
    kl_editor_path(findings, demo_site.url, strategy)
    context.clear_cookies()
    municipal_editor_hears_back(findings, demo_site.url, strategy)
    context.close()

    to_submitter = [message for message in mail.outbox if message.to == ["redaktoer-aarhus@example.org"]]
    assert any(COMMENT in message.body for message in to_submitter), "the submitter should get KL's comment"
    assert mail.outbox, "the password reset and the submission should send e-mails"
    for message in mail.outbox:
        findings.check_text(f"e-mail {message.subject!r}", f"{message.subject}\n{message.body}")
    print(f"\nChecked {len(findings.screens)} screens and e-mails for English.")
    findings.assert_danish()


def test_the_check_finds_english_when_the_admin_speaks_english(demo_site, page):
    """The detector is no rubber stamp: an editor who chose English sees English, and the check says so."""
    from django.contrib.auth import get_user_model

    set_password("redaktoer-aarhus")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="redaktoer-aarhus"))
    profile.preferred_language = "en"
    profile.save()
    log_in(page, demo_site.url, "redaktoer-aarhus")
    with pytest.raises(AssertionError, match=re.escape("English on")):
        assert_danish(page)
    texts = [text for text, _words, _where in english_on_page(page)]
    assert "Dashboard" in texts or any("Your most recent edits" in text for text in texts)


def test_the_second_factor_screens_are_danish(demo_site, browser, settings):
    """Setting up the authenticator app, the recovery codes, and the code at login, with a wrong code each time."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from security.tests.utils import totp_code

    settings.OTP_ENFORCED = True  # as in production (the test settings leave it off for the other tests)
    set_password("redaktoer-odense")
    base = demo_site.url
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    findings = Findings(page)

    log_in(page, base, "redaktoer-odense")  # a municipal editor without a second factor yet
    page.goto(base + "/admin/account/")
    findings.check("account with the second factor offered")
    page.goto(base + "/admin/to-trins-login/")
    expect(page.locator("[data-secret]")).to_be_visible()
    findings.check("second factor: set up the app")
    page.fill("input[name=code]", "000000")
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_text("Koden passer ikke. Tjek, at telefonens ur går rigtigt")).to_be_visible()
    findings.check("second factor: set up with a wrong code")

    device = TOTPDevice.objects.get(user__username="redaktoer-odense", confirmed=False)
    device.throttle_reset()  # the wrong code above delays the next try; the app's next code comes later anyway
    page.fill("input[name=code]", totp_code(device))
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", name="Dine gendannelseskoder")).to_be_visible()
    findings.check("second factor: recovery codes")
    recovery_code = page.locator(".recovery-codes code").first.inner_text()
    page.get_by_role("link", name="Jeg har gemt koderne – fortsæt").click()
    page.wait_for_url(base + "/admin/")
    page.goto(base + "/admin/to-trins-login/")
    expect(page.get_by_text("To-trins-login er sat op for din konto.")).to_be_visible()
    findings.check("second factor: set up")

    context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "redaktoer-odense")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/to-trins-login/kode/**")
    findings.check("second factor: the code at login")
    page.fill("input[name=code]", "000000")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_text("Koden passer ikke, eller der er prøvet for mange gange.")).to_be_visible()
    findings.check("second factor: a wrong code at login")
    # django-otp delays the next try after a wrong code (1 s, doubling); a person takes longer than that.
    for wrong in (TOTPDevice, StaticDevice):
        for throttled in wrong.objects.filter(user__username="redaktoer-odense"):
            throttled.throttle_reset()
    page.fill("input[name=code]", recovery_code)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(base + "/admin/")
    expect(page.get_by_text("Du har brugt en gendannelseskode. Der er 9 tilbage.")).to_be_visible()
    findings.check("dashboard after logging in with a recovery code")
    context.close()
    print(f"\nChecked {len(findings.screens)} second-factor screens for English.")
    findings.assert_danish()
