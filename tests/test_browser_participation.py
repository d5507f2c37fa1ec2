"""Taking part, in a browser: a municipality joins, a citizen registers for the conference and follows a
theme, a member registers for a meeting; KL editors approve and export. E-mails go through a real SMTP
server (aiosmtpd) that the test starts."""

import datetime
import re
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, assert_no_console_errors
from tests.smtp import attachments, body_text, smtp_inbox  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

VALID_EAN = "5798000416604"


@pytest.fixture
def participation_site(demo_site, smtp_inbox, settings):  # noqa: F811
    """The demo with registration open for the next days whatever today's date, and e-mail links to it."""
    from cases.models import ConferencePage, MeetingPage
    from participation.models import RegistrationSetup

    settings.WAGTAILADMIN_BASE_URL = demo_site.url
    settings.PARTICIPATION_NOTIFY_EMAILS = ["redaktion@kl.example"]
    soon = timezone.localdate() + datetime.timedelta(days=20)
    ConferencePage.objects.filter(slug="konference").update(date=soon)
    MeetingPage.objects.filter(slug="februar-2027").update(date=soon)
    RegistrationSetup.objects.update(deadline=timezone.now() + datetime.timedelta(days=10))
    assert RegistrationSetup.objects.count() == 2  # load_demo opened the conference and the meeting
    return demo_site


def check_form(page):
    page.wait_for_url(re.compile(r"/deltag/"))
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    assert_no_console_errors(page)
    assert page.context.cookies() == [], "a visitor who only looks at a form gets no cookie"


def link_in(text, path):
    match = re.search(r"https?://\S+" + re.escape(path) + r"\S*", text)
    assert match, f"no link to {path} in:\n{text}"
    return match.group(0)


def kl_editor_login(page, base_url):
    from cms.factories import UserFactory
    from cms.permissions import KL_EDITORS_GROUP

    user = UserFactory(username="kl-test", groups=[Group.objects.get(name=KL_EDITORS_GROUP)])
    user.set_password("korrekt-hest-batteri")
    user.save()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", "kl-test")
    page.fill("#id_password", "korrekt-hest-batteri")
    page.get_by_role("button", name=re.compile("log ind|sign in", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_municipality_joins_and_a_kl_editor_approves_it(participation_site, page, smtp_inbox):  # noqa: F811
    base = participation_site.url
    page.goto(base + "/medlemskab/")
    page.get_by_role("link", name="Tilmeld kommunen som medlem").click()
    check_form(page)

    page.get_by_label("Kommune", exact=True).fill("Vejle Kommune")
    page.get_by_label("Det faste medlems navn").fill("Vera Vejle")
    page.get_by_label("Stilling").fill("Kulturchef")
    page.get_by_label("E-mail").fill("vera@vejle.example")
    page.get_by_label("Telefon").fill("76 81 00 00")
    page.get_by_label("EAN-nummer").fill("5798000416605")
    page.get_by_label("Ordre- eller referencenummer").fill("PO-42")
    page.get_by_label(re.compile("Vi accepterer vilkårene")).check()
    page.get_by_role("button", name="Send tilmeldingen").click()

    expect(page.get_by_text("har et forkert kontrolciffer")).to_be_visible()
    assert page.get_by_label("Det faste medlems navn").input_value() == "Vera Vejle"
    assert page.get_by_label("Ordre- eller referencenummer").input_value() == "PO-42"
    check_form(page)
    page.get_by_label("EAN-nummer").fill(VALID_EAN)
    page.get_by_role("button", name="Send tilmeldingen").click()
    page.wait_for_url(re.compile(r"/deltag/medlemskab/tak/$"))
    assert page.context.cookies() == []

    smtp_inbox.wait_for(2)
    (receipt,) = smtp_inbox.to("vera@vejle.example")
    assert "7.000 kr. ekskl. moms" in body_text(receipt)
    (notice,) = smtp_inbox.to("redaktion@kl.example")
    assert "Vejle Kommune" in notice["Subject"].strip()

    # The same municipality and year again: a clear message.
    page.goto(base + "/deltag/medlemskab/")
    page.get_by_label("Kommune", exact=True).fill("Vejle")
    page.get_by_label("Det faste medlems navn").fill("Anden")
    page.get_by_label("Stilling").fill("Konsulent")
    page.get_by_label("E-mail").fill("anden@vejle.example")
    page.get_by_label("Telefon").fill("1")
    page.get_by_label("EAN-nummer").fill(VALID_EAN)
    page.get_by_label(re.compile("Vi accepterer vilkårene")).check()
    page.get_by_role("button", name="Send tilmeldingen").click()
    expect(page.get_by_role("alert").filter(has_text="Vejle Kommune er allerede tilmeldt netværket")).to_be_visible()

    kl_editor_login(page, base)
    page.goto(base + "/admin/snippets/participation/membershipapplication/")
    expect(page.get_by_text("Vera Vejle")).to_be_visible()
    export = page.request.get(base + "/admin/snippets/participation/membershipapplication/?export=csv")
    assert "Vejle Kommune" in export.text() and VALID_EAN in export.text()
    page.get_by_role("link", name="Godkend").first.click()
    page.get_by_role("button", name="Ja, godkend").click()
    page.wait_for_url("**/admin/snippets/participation/membershipapplication/")
    expect(page.get_by_text("Vejle Kommune er nu medlem")).to_be_visible()
    smtp_inbox.wait_for(3)
    assert "er medlem af netværket" in smtp_inbox.to("vera@vejle.example")[-1]["Subject"].strip()

    page.goto(base + "/kommuner/")
    assert page.locator('a[href="/kommuner/vejle/"]').count() >= 1
    page.goto(base + "/kommuner/daekning/")
    assert page.locator("h1").count() == 1


def test_a_citizen_registers_for_the_conference_and_cancels(participation_site, page, smtp_inbox):  # noqa: F811
    base = participation_site.url
    page.goto(base + "/konference/")
    page.get_by_role("link", name="Tilmeld dig").click()
    check_form(page)
    page.get_by_label("Navn").fill("Bodil Borger")
    page.get_by_label("E-mail").fill("bodil@example.com")
    page.get_by_role("button", name="Tilmeld mig").click()
    expect(page.get_by_text("Du er tilmeldt.")).to_be_visible()
    assert page.locator("#registration-status").inner_text() == "Tilmeldt"

    (confirmation,) = smtp_inbox.wait_for(1)
    assert confirmation["Subject"].strip().startswith("Tilmelding bekræftet")
    ((filename, content_type, ics),) = attachments(confirmation)
    assert filename == "konference.ics" and content_type == "text/calendar"
    assert b"BEGIN:VEVENT" in ics
    manage = link_in(body_text(confirmation), "/deltag/tilmelding/min/")

    # A second try with the same address gets a clear message and the link again.
    page.goto(base + "/konference/")
    page.get_by_role("link", name="Tilmeld dig").click()
    page.get_by_label("Navn").fill("Bodil igen")
    page.get_by_label("E-mail").fill("bodil@example.com")
    page.get_by_role("button", name="Tilmeld mig").click()
    expect(page.get_by_role("alert").filter(has_text="er allerede tilmeldt")).to_be_visible()
    assert page.get_by_label("Navn").input_value() == "Bodil igen"

    page.goto(manage)
    assert_accessible(page)
    page.get_by_role("button", name="Afmeld mig").click()
    expect(page.get_by_text("Du er nu afmeldt")).to_be_visible()
    assert smtp_inbox.wait_for(3)[2]["Subject"].strip().startswith("Afmelding modtaget")

    page.goto(manage[:-4] + "abc/")
    expect(page.get_by_text("Linket er ikke gyldigt")).to_be_visible()


def test_a_member_registers_for_a_meeting_and_the_waiting_list_moves_up(participation_site, page, smtp_inbox):  # noqa: F811
    from participation.models import RegistrationSetup

    base = participation_site.url
    setup = RegistrationSetup.objects.get(page__slug="februar-2027")
    RegistrationSetup.objects.filter(pk=setup.pk).update(capacity=1)
    page.goto(base + "/netvaerksmoeder/februar-2027/")
    page.get_by_role("link", name="Tilmeld dig").click()
    check_form(page)
    page.get_by_label("Navn").fill("Anna Aarhus")
    page.get_by_label("E-mail").fill("anna@aarhus.example")
    page.get_by_label("Medlemskommune").fill("Aarhus Kommune")
    page.get_by_label("kommunens faste medlem").check()
    page.get_by_role("button", name="Tilmeld mig").click()
    expect(page.get_by_text("Du er tilmeldt.")).to_be_visible()
    member_link = link_in(body_text(smtp_inbox.wait_for(1)[0]), "/deltag/tilmelding/min/")

    page.goto(base + f"/deltag/tilmelding/{setup.page_id}/")
    page.get_by_label("Navn").fill("Lise Ledsager")
    page.get_by_label("E-mail").fill("lise@aarhus.example")
    page.get_by_label("Medlemskommune").fill("Aarhus")
    page.get_by_label("ledsager").check()
    page.get_by_role("button", name="Tilmeld mig").click()
    expect(page.get_by_text("du er på ventelisten")).to_be_visible()
    assert smtp_inbox.wait_for(2)[1]["Subject"].strip().startswith("Du er på venteliste")

    page.goto(member_link)
    page.get_by_role("button", name="Afmeld mig").click()
    expect(page.get_by_text("Du er nu afmeldt")).to_be_visible()
    smtp_inbox.wait_for(4)
    lise = smtp_inbox.to("lise@aarhus.example")
    (moved_up,) = [m for m in lise if m["Subject"].strip().startswith("Du har fået en plads")]
    assert attachments(moved_up)[0][0].endswith(".ics")


def test_a_citizen_follows_a_theme_and_gets_a_digest(participation_site, page, smtp_inbox):  # noqa: F811
    from cms.models import Theme
    from strategies.factories import StrategyPageFactory
    from strategies.models import MunicipalityPage

    base = participation_site.url
    theme = Theme.objects.filter(page_items__isnull=False).order_by("name").first()
    page.goto(base + f"/temaer/{theme.slug}/")
    page.get_by_role("link", name="Følg temaet på e-mail").click()
    check_form(page)
    assert page.get_by_label("Tema", exact=True).input_value() == theme.slug
    page.get_by_label("Din e-mail").fill("tema@example.com")
    page.get_by_label("dagligt").check()
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", name="Tjek din e-mail")).to_be_visible()

    (confirm_mail,) = smtp_inbox.wait_for(1)
    assert confirm_mail["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    page.goto(link_in(body_text(confirm_mail), "/deltag/nyt-paa-mail/bekraeft/"))
    assert_accessible(page)
    page.get_by_role("button", name="Bekræft abonnement").click()
    expect(page.get_by_text("er bekræftet")).to_be_visible()

    # A new strategy on the theme is published; the next day's digest run tells the subscriber.
    aarhus = MunicipalityPage.objects.get(slug="aarhus")
    strategy = StrategyPageFactory(parent=aarhus, title="Ny grøn kulturstrategi (test)")
    strategy.themes.add(theme)
    strategy.save_revision().publish()
    tomorrow = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    call_command("send_digests", now=tomorrow, stdout=StringIO())
    digest = smtp_inbox.wait_for(2)[1]
    assert "Ny grøn kulturstrategi (test)" in body_text(digest)
    unsubscribe = digest["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith(base + "/deltag/nyt-paa-mail/afmeld/")

    page.goto(unsubscribe)
    page.get_by_role("button", name="Afmeld").click()
    expect(page.get_by_role("heading", name="Du er afmeldt")).to_be_visible()
    page.goto(unsubscribe)
    expect(page.get_by_text("findes ikke længere")).to_be_visible()
