"""The Content-Security-Policy in a real browser: no violation on any public page type, in Danish and
English, and an editor saves and publishes a page in the admin under its policy (after the second factor).
"""

import pytest

from tests.browser import assert_no_console_errors

pytestmark = pytest.mark.browser

# Collects every CSP violation the page reports; added by the browser before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective, blocked: event.blockedURI, disposition: event.disposition,
    source: event.sourceFile + ":" + event.lineNumber, sample: event.sample,
  });
});
"""


def public_urls():
    """One live page of every public page type, plus the views that are not pages."""
    from django.apps import apps
    from django.utils import translation

    from wagtail.models import Page

    from directory.models import Organisation, Person

    urls = {}
    with translation.override("da"):
        for model in apps.get_models():
            if issubclass(model, Page) and model is not Page and not model._meta.abstract:
                page = model.objects.live().public().first()
                if page is not None:
                    urls[model.__name__] = page.url
        theme_index = apps.get_model("cms", "ThemeIndexPage").objects.live().first()
        theme = apps.get_model("cms", "Theme").objects.filter(page_items__isnull=False).first()
        urls["theme route"] = theme_index.theme_url(theme)
        urls["search"] = "/soeg/?q=kultur"
        organisation = Organisation.objects.filter(people__isnull=False).first() or Organisation.objects.first()
        urls["organisation"] = f"/organisationer/{organisation.slug}/"
        urls["person"] = f"/personer/{Person.objects.first().slug}/"
        urls["not found"] = "/findes-ikke/"
    return urls


def violations(page):
    return page.evaluate("window.__cspViolations || []")


def test_no_csp_violation_on_any_public_page_type_in_danish_and_english(demo_site, page):
    page.add_init_script(RECORD_VIOLATIONS)
    urls = public_urls()
    for required in ("HomePage", "StrategyPage", "ActionPlanPage", "MeetingPage", "CasePage", "StandardPage"):
        assert required in urls, f"the demo has no live {required}"
    checked = 0
    for name, url in urls.items():
        for prefix in ("", "/en"):
            response = page.goto(demo_site.url + prefix + url)
            assert response.status in (200, 404), f"{name} {prefix}{url}: {response.status}"
            assert "object-src 'none'" in response.headers["content-security-policy"]
            page.wait_for_load_state("load")
            assert violations(page) == [], f"CSP violations on {prefix}{url} ({name}): {violations(page)}"
            if response.status == 200:
                assert_no_console_errors(page)
            checked += 1
    print(f"checked {checked} public pages under the CSP")


def test_editor_saves_and_publishes_a_page_in_the_admin_under_the_policy(demo_site, page, settings):
    from django.contrib.auth import get_user_model

    from cms.models import StandardPage
    from security.tests.utils import PASSWORD, add_totp_device, totp_code

    settings.OTP_ENFORCED = True
    admin = get_user_model().objects.get(username="admin")
    admin.set_password(PASSWORD)
    admin.save()
    device = add_totp_device(admin)
    about = StandardPage.objects.get(slug="om-netvaerket")

    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(demo_site.url + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/to-trins-login/kode/**")
    page.fill("input[name=code]", totp_code(device))
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    report_only = []
    page.goto(f"{demo_site.url}/admin/pages/{about.pk}/edit/")
    report_only += violations(page)
    page.fill("textarea[name=intro]", "Netværket samler kommuner og kulturliv om den grønne omstilling.")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"**/admin/pages/{about.get_parent().pk}/**")
    report_only += violations(page)

    enforced = [item for item in report_only if item["disposition"] == "enforce"]
    assert enforced == [], f"the admin's enforced policy blocked something: {enforced}"
    about.refresh_from_db()
    assert about.intro.startswith("Netværket samler kommuner")
    assert about.live and not about.has_unpublished_changes
    public = page.goto(demo_site.url + about.url)
    assert public.status == 200
    assert "Netværket samler kommuner og kulturliv" in page.content()
    print(f"admin: {len(report_only)} report-only violations of the strict policy")
