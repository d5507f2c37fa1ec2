"""Finding 1: password guessing is throttled on every login surface, and logins are logged."""

import logging

from django.core.cache import cache
from django.test import TestCase, override_settings

from wagtail.models import PageViewRestriction

from axes.models import AccessAttempt, AccessLog

from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page

from .utils import PASSWORD, make_kl_editor, make_superuser

LIMIT = 5
LOCKED_TEXT = "For mange forkerte forsøg"


class LoginThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()

    def setUp(self):
        cache.clear()

    def guess(self, url, username="admin", password="forkert", ip="10.1.1.1"):  # noqa: S107
        return self.client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def assert_locks_out_after_limit(self, url):
        for _attempt in range(LIMIT - 1):
            response = self.guess(url)
            self.assertEqual(response.status_code, 200, "a wrong password shows the form again")
        response = self.guess(url)
        self.assertEqual(response.status_code, 429)
        # Locked: even the right password is refused, with the Danish message.
        response = self.guess(url, password=PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, LOCKED_TEXT, status_code=429)
        self.assertContains(response, "Prøv igen om 30 minutter", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_wagtail_admin_login_is_throttled(self):
        self.assert_locks_out_after_limit("/admin/login/")

    def test_django_admin_login_is_throttled(self):
        self.assert_locks_out_after_limit("/django-admin/login/")

    def test_front_end_login_is_throttled(self):
        self.assert_locks_out_after_limit("/_util/login/")

    def test_throttling_is_per_address_across_user_names(self):
        for number in range(LIMIT):
            self.guess("/admin/login/", username=f"gaet{number}", ip="10.2.2.2")
        response = self.guess("/admin/login/", password=PASSWORD, ip="10.2.2.2")
        self.assertEqual(response.status_code, 429, "the address is locked for every user name")
        # Another address with the right password still gets in.
        response = self.guess("/admin/login/", password=PASSWORD, ip="10.3.3.3")
        self.assertEqual(response.status_code, 302)

    def test_throttling_is_per_user_name_across_addresses(self):
        for number in range(LIMIT):
            self.guess("/admin/login/", ip=f"10.4.4.{number}")
        response = self.guess("/admin/login/", password=PASSWORD, ip="10.5.5.5")
        self.assertEqual(response.status_code, 429, "the user name is locked from every address")

    def test_a_right_password_before_the_limit_resets_the_count(self):
        for _attempt in range(LIMIT - 1):
            self.guess("/admin/login/")
        self.assertEqual(self.guess("/admin/login/", password=PASSWORD).status_code, 302)
        self.client.logout()
        for _attempt in range(LIMIT - 1):
            self.assertEqual(self.guess("/admin/login/").status_code, 200)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_a_proxy_the_forwarded_address_counts(self):
        for number in range(LIMIT):
            self.client.post(
                "/admin/login/",
                {"username": f"x{number}", "password": "forkert"},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR="198.51.100.7",
            )
        self.assertTrue(AccessAttempt.objects.filter(ip_address="198.51.100.7").exists())
        response = self.client.post(
            "/admin/login/",
            {"username": "admin", "password": PASSWORD},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
        self.assertEqual(response.status_code, 302, "another client behind the same proxy is not locked")


class PagePasswordThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home_page()
        cls.page = StandardPageFactory(parent=home, title="Lukket side")
        cls.other = StandardPageFactory(parent=home, title="Anden lukket side")
        cls.restriction = PageViewRestriction.objects.create(
            page=cls.page, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )
        cls.other_restriction = PageViewRestriction.objects.create(
            page=cls.other, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )

    def setUp(self):
        cache.clear()

    def url(self, restriction, page):
        return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    def post(self, password, page=None, restriction=None, ip="10.9.9.9"):
        page, restriction = page or self.page, restriction or self.restriction
        return self.client.post(
            self.url(restriction, page), {"password": password, "return_url": page.url}, REMOTE_ADDR=ip
        )

    def test_page_password_form_is_throttled_per_address_and_page(self):
        for _attempt in range(LIMIT):
            self.assertEqual(self.post("forkert").status_code, 200)
        response = self.post("hemmeligt")
        self.assertContains(response, LOCKED_TEXT, status_code=429)
        self.assertContains(response, "adgangskode til siden", status_code=429)
        # The same address may still try another page, and another address this page.
        self.assertEqual(self.post("hemmeligt", page=self.other, restriction=self.other_restriction).status_code, 302)
        self.assertEqual(self.post("hemmeligt", ip="10.8.8.8").status_code, 302)

    def test_the_right_password_opens_the_page(self):
        self.assertEqual(self.post("hemmeligt").status_code, 302)
        self.assertEqual(self.client.get(self.page.url).status_code, 200)


class LoginLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.editor = make_kl_editor()

    def test_logins_failures_and_logouts_are_logged_without_the_password(self):
        with self.assertLogs("security.auth", level=logging.INFO) as logs:
            self.client.post("/admin/login/", {"username": "kl-redaktoer", "password": "forkert-gaet"})
            self.client.post("/admin/login/", {"username": "kl-redaktoer", "password": PASSWORD})
            self.client.post("/admin/logout/")
        output = "\n".join(logs.output)
        self.assertIn("Login failed user=kl-redaktoer ip=127.0.0.1", output)
        self.assertIn("Login user=kl-redaktoer ip=127.0.0.1", output)
        self.assertIn("Logout user=kl-redaktoer ip=127.0.0.1", output)
        self.assertNotIn("forkert-gaet", output)
        self.assertNotIn(PASSWORD, output)
        # django-axes keeps the same in the database for administrators, with login and logout time.
        entry = AccessLog.objects.get(username="kl-redaktoer")
        self.assertIsNotNone(entry.attempt_time)
        self.assertIsNotNone(entry.logout_time)

    def test_the_log_lines_carry_the_time(self):
        from django.conf import settings

        handler = settings.LOGGING["loggers"]["security.auth"]["handlers"][0]
        formatter = settings.LOGGING["handlers"][handler]["formatter"]
        self.assertIn("%(asctime)s", settings.LOGGING["formatters"][formatter]["format"])


class LockoutAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()
        cls.editor = make_kl_editor()

    def test_administrators_see_and_lift_lockouts(self):
        for _attempt in range(LIMIT):
            self.client.post("/admin/login/", {"username": "kl-redaktoer", "password": "forkert"})
        self.assertEqual(
            self.client.post("/admin/login/", {"username": "kl-redaktoer", "password": PASSWORD}).status_code, 429
        )
        admin_client = self.client_class()
        admin_client.force_login(self.admin)
        response = admin_client.get("/admin/spaerrede-logins/")
        self.assertContains(response, "kl-redaktoer")
        self.assertContains(response, "Spærret")
        attempt = AccessAttempt.objects.get(username="kl-redaktoer")
        response = admin_client.post("/admin/spaerrede-logins/", {"attempt": attempt.pk}, follow=True)
        self.assertContains(response, "er ophævet")
        self.assertFalse(AccessAttempt.objects.exists())
        response = self.client.post("/admin/login/", {"username": "kl-redaktoer", "password": PASSWORD})
        self.assertEqual(response.status_code, 302, "the editor can log in again")

    def test_editors_cannot_see_lockouts(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/spaerrede-logins/")
        self.assertIn(response.status_code, (302, 403))
        self.assertNotContains(response, "Forkerte loginforsøg", status_code=response.status_code)
