"""Finding 3 and 10: CSP, Permissions-Policy, cookies, hygiene settings and the default groups."""

import base64
import hashlib
import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import TestCase

from cms.tests.utils import make_home_page

from .utils import make_superuser


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


class PublicPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()

    def test_public_pages_carry_a_strict_policy(self):
        response = self.client.get("/")
        policy = directives(response["Content-Security-Policy"])
        self.assertNotIn("'unsafe-inline'", policy["script-src"])
        self.assertNotIn("'unsafe-eval'", policy["script-src"])
        self.assertNotIn("'unsafe-inline'", policy["style-src"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'none'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertNotIn("Content-Security-Policy-Report-Only", response)

    def test_a_cached_page_carries_no_nonce_and_its_inline_script_is_allowed_by_hash(self):
        # Varnish serves one copy of an anonymous page to everyone: a nonce in it would be public.
        first, second = self.client.get("/"), self.client.get("/")
        self.assertEqual(first["Content-Security-Policy"], second["Content-Security-Policy"])
        self.assertNotIn("nonce", first["Content-Security-Policy"])
        html = first.content.decode()
        self.assertNotIn("nonce=", html)
        policy = directives(first["Content-Security-Policy"])
        inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
        self.assertEqual(len(inline), 1, "one inline script: the no-js class switch")
        digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
        self.assertIn(f"'sha256-{digest}'", policy["script-src"])

    def test_every_script_is_a_file_data_or_the_hashed_one(self):
        html = self.client.get("/").content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            self.assertTrue(tag == "<script>" or "src=" in tag or 'type="application/ld+json"' in tag, tag)

    def test_permissions_policy(self):
        response = self.client.get("/")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            self.assertIn(feature, response["Permissions-Policy"])

    def test_error_pages_have_the_policy_too(self):
        response = self.client.get("/findes-ikke/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("object-src 'none'", response["Content-Security-Policy"])

    def test_the_500_page_style_carries_the_nonce(self):
        from django.test import RequestFactory

        from cms.views import server_error

        request = RequestFactory().get("/")
        request.csp_nonce = "abc123"
        self.assertIn('<style nonce="abc123">', server_error(request).content.decode())

    def test_other_headers(self):
        response = self.client.get("/")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response.cookies, {}, "visitors get no cookies")


class AdminPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()

    def test_the_admin_has_an_enforced_policy_and_the_strict_one_as_report_only(self):
        self.client.force_login(self.admin)
        response = self.client.get("/admin/")
        enforced = directives(response["Content-Security-Policy"])
        self.assertEqual(enforced["object-src"], ["'none'"])
        self.assertEqual(enforced["base-uri"], ["'none'"])
        self.assertEqual(enforced["frame-ancestors"], ["'self'"])
        self.assertEqual(enforced["form-action"], ["'self'"])
        self.assertNotIn("'unsafe-eval'", enforced["script-src"])
        report_only = directives(response["Content-Security-Policy-Report-Only"])
        self.assertEqual(report_only["script-src"], ["'self'"])

    def test_the_login_page_has_the_admin_policy(self):
        response = self.client.get("/admin/login/")
        self.assertIn("Content-Security-Policy", response)


class CookieAndSessionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()

    def test_session_cookie_after_login(self):
        from .utils import PASSWORD

        response = self.client.post("/admin/login/", {"username": "admin", "password": PASSWORD, "remember": "on"})
        cookie = response.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertEqual(int(cookie["max-age"]), 8 * 60 * 60, "one working day, even with 'remember me'")
        self.assertLessEqual(self.client.session.get_expiry_age(), 8 * 60 * 60)

    def test_front_end_login_without_next_lands_in_the_admin(self):
        from .utils import PASSWORD

        response = self.client.post("/_util/login/", {"username": "admin", "password": PASSWORD})
        self.assertEqual(response["Location"], "/admin/")
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)


class HygieneTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()

    def test_no_gravatar_and_no_update_check(self):
        self.assertIsNone(settings.WAGTAIL_GRAVATAR_PROVIDER_URL)
        self.assertFalse(settings.WAGTAIL_ENABLE_UPDATE_CHECK)
        self.client.force_login(self.admin)
        html = self.client.get("/admin/").content.decode()
        self.assertNotIn("gravatar", html.lower())
        self.assertNotIn("releases.wagtail.io", html)
        self.assertNotIn("data-w-upgrade", html)

    def test_wagtails_default_groups_are_gone(self):
        self.assertFalse(Group.objects.filter(name__in=["Editors", "Moderators"]).exists())


def test_production_settings_carry_the_security_block(monkeypatch):
    """Production keeps the second factor on and cookies secure, whatever the environment says."""
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", "k3y-" + "abcdefghij" * 6)
    monkeypatch.setenv("ALLOWED_HOSTS", "gronnepartnerskaber.example")
    sys.modules.pop("cms.settings.production", None)
    production = importlib.import_module("cms.settings.production")
    try:
        assert production.OTP_ENFORCED is True
        assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
        assert production.SESSION_COOKIE_AGE == 8 * 60 * 60
        assert production.WAGTAIL_GRAVATAR_PROVIDER_URL is None
        assert production.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
        assert "security.backends.RequestAxesBackend" in production.AUTHENTICATION_BACKENDS
        assert "security.middleware.ContentSecurityPolicyMiddleware" in production.MIDDLEWARE
    finally:
        sys.modules.pop("cms.settings.production", None)


def test_deployment_checklist_passes_with_the_security_block():
    """`check --deploy` with production settings (also run in cms/tests/test_settings.py)."""
    from cms.tests.test_settings import run_manage

    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={"SECRET_KEY": "k3y-" + "abcdefghij" * 6, "ALLOWED_HOSTS": "gronnepartnerskaber.example"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
