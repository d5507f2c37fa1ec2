"""Both editors' whole paths through the Danish admin, with the clicks each takes (issue 12, point 9).

A municipal editor creates a strategy with a PDF, two themes, two partners chosen in the partner chooser
and a contact person, and submits it; a KL editor rejects it with a comment; the municipal editor reads the
comment on the dashboard, fixes the strategy and resubmits it; KL approves; the strategy is live. Every
path starts at the login screen and goes by clicks only; the number of clicks of each is printed.
"""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.test_browser_admin_danish import PASSWORD, pdf_bytes, set_password

pytestmark = pytest.mark.browser

TITLE = "Grøn kulturstrategi for Aarhus 2027–2030"
COMMENT = "Skriv et kort resumé, så strategien kan vises på kortet og i søgningen."


class Clicks:
    """Clicks (and ticks) an editor makes; typing is not counted."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator):
        locator.click()
        self.count += 1

    def check(self, locator):
        locator.check()
        self.count += 1


def log_in(page, clicks, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    clicks.click(page.get_by_role("button", name="Log ind"))
    page.wait_for_url(base + "/admin/")


def choose_in_modal_and_wait(page):
    page.wait_for_selector(".modal", state="detached")


def create_and_submit(page, base):
    clicks = Clicks(page)
    log_in(page, clicks, base, "redaktoer-aarhus")
    clicks.click(page.get_by_role("link", name="Opret en strategi eller handlingsplan under Aarhus Kommune"))
    page.wait_for_url("**/add_subpage/")
    clicks.click(page.get_by_role("link", name=re.compile(r"^Strategi")).first)
    page.wait_for_selector("footer button[type=submit]")

    page.fill("#id_title", TITLE)
    # Two themes: type the start of each and pick it from the list (only the curated themes are offered).
    for typed, theme in [("samskab", "samskabelse"), ("grøn dan", "grøn dannelse")]:
        page.locator("ul.tagit input[type=text]").first.press_sequentially(typed)
        clicks.click(page.locator("ul.ui-autocomplete li", has_text=theme).first)
        expect(page.locator("ul.tagit li.tagit-choice", has_text=theme)).to_be_visible()

    # Two partners through the partner chooser: search, tick two of Aarhus' own, confirm.
    clicks.click(page.get_by_role("button", name="Vælg partnere"))
    page.wait_for_selector(".modal input[name=q]")
    with page.expect_response(lambda response: "/results/" in response.url):
        page.fill(".modal input[name=q]", "Aarhus")
    rows = page.locator(".modal tbody tr")
    expect(rows.first).to_contain_text("Aarhus Kommune")
    clicks.check(rows.nth(0).locator("input[type=checkbox]"))
    clicks.check(rows.nth(1).locator("input[type=checkbox]"))
    clicks.click(page.locator(".modal").get_by_role("button", name="Bekræft valget"))
    choose_in_modal_and_wait(page)
    expect(page.locator("[data-organisations-chooser] [data-organisation-id]")).to_have_count(2)

    # The contact person: the person chooser, first of the list.
    clicks.click(page.locator("#id_contact-chooser .unchosen [data-chooser-action-choose]"))
    page.wait_for_selector(".modal a[data-chooser-modal-choice]")
    clicks.click(page.locator(".modal a[data-chooser-modal-choice]").first)
    choose_in_modal_and_wait(page)

    # The adopted strategy as a PDF, uploaded in the document chooser.
    clicks.click(page.locator("#id_document-chooser .unchosen [data-chooser-action-choose]"))
    clicks.click(page.locator(".modal #tab-label-upload"))
    page.set_input_files(
        ".modal #tab-upload input[type=file]",
        files=[{"name": "groen-kulturstrategi.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}],
    )
    title = page.locator(".modal #tab-upload input[name$=title]")
    expect(title).to_have_value("groen-kulturstrategi")  # filled in from the file name by the form's script
    title.fill("Grøn kulturstrategi for Aarhus (vedtaget)")
    clicks.click(page.locator(".modal #tab-upload button[type=submit]"))
    choose_in_modal_and_wait(page)
    expect(page.locator("#id_document-chooser")).to_contain_text("Grøn kulturstrategi for Aarhus (vedtaget)")

    clicks.click(page.locator("footer").get_by_role("button", name="Indsend til godkendelse"))
    # Saving reads the PDF, indexes the page and starts the workflow: slow on a loaded machine.
    try:
        page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"), timeout=60_000)
    except PlaywrightTimeoutError:
        shown = page.locator(".error-message, .help-critical, [role=alert]").all_inner_texts()
        raise AssertionError(f"the strategy was not submitted; the editor sees: {shown}") from None
    return clicks.count


def kl_decides(page, base, action, comment=None):
    clicks = Clicks(page)
    log_in(page, clicks, base, "kl-redaktoer")
    clicks.click(page.get_by_role("link", name=TITLE).first)
    page.wait_for_selector("footer button[type=submit]")
    clicks.click(page.locator("footer [data-w-dropdown-target=toggle]").first)
    clicks.click(page.locator("footer").get_by_role("button", name=action).first)
    if comment is not None:
        page.wait_for_selector(".modal .modal-body form textarea")
        page.fill(".modal .modal-body form textarea", comment)
        with page.expect_navigation():
            clicks.click(page.locator(".modal .modal-body form button[type=submit]"))
    else:
        page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    return clicks.count


def fix_and_resubmit(page, base):
    clicks = Clicks(page)
    log_in(page, clicks, base, "redaktoer-aarhus")
    row = page.locator("#municipal-editor-pages-heading").locator("xpath=..").locator("tr", has_text=TITLE)
    expect(row).to_contain_text("Sendt tilbage af KL")
    expect(row).to_contain_text(COMMENT)
    clicks.click(row.get_by_role("link", name=TITLE))
    page.wait_for_selector("footer button[type=submit]")
    page.fill("#id_intro", "Aarhus' strategi for grøn kultur: kulturlivet går forrest i den grønne omstilling.")
    clicks.click(page.locator("footer").get_by_role("button", name="Indsend igen til godkendelse"))
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    return clicks.count


def test_a_strategy_from_draft_through_rejection_to_live(demo_site, browser):
    from strategies.models import StrategyPage

    set_password("redaktoer-aarhus", "kl-redaktoer")
    base = demo_site.url
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)

    counts = {"kommunal redaktør: opret og indsend": create_and_submit(page, base)}
    strategy = StrategyPage.objects.get(title=TITLE)
    assert strategy.partners.count() == 2
    assert strategy.themes.count() == 2
    assert strategy.contact_id and strategy.document_id
    assert {partner.municipality.short_name for partner in strategy.partners.all()} == {"Aarhus"}

    context.clear_cookies()
    counts["KL: afvis med kommentar"] = kl_decides(page, base, "Afvis og bed om ændringer", COMMENT)
    context.clear_cookies()
    counts["kommunal redaktør: læs kommentaren, ret og indsend igen"] = fix_and_resubmit(page, base)
    context.clear_cookies()
    counts["KL: godkend"] = kl_decides(page, base, re.compile(r"^Godkend( og udgiv)?$"))

    strategy.refresh_from_db()
    assert strategy.live and not strategy.has_unpublished_changes
    public = page.goto(base + strategy.url)
    assert public.status == 200
    expect(page.locator("h1")).to_have_text(TITLE)
    context.close()

    print()
    for path, count in counts.items():
        print(f"{path}: {count} klik")
    print(f"i alt: {sum(counts.values())} klik")
