"""Finding 2: a second factor (TOTP) for administrators and KL editors, offered to municipal editors."""

import re

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.factories import UserFactory
from cms.tests.utils import make_home_page

from .utils import PASSWORD, add_totp_device, login_with_second_factor, make_kl_editor, make_superuser, totp_code


@override_settings(OTP_ENFORCED=True)
class SecondFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()
        cls.kl_editor = make_kl_editor()
        group, _created = Group.objects.get_or_create(name="Redaktører: Aarhus Kommune")
        from cms.permissions import grant_admin_access

        grant_admin_access(group)
        cls.municipal_editor = UserFactory(username="redaktoer-aarhus", password=PASSWORD, groups=[group])

    def password_login(self, user):
        response = self.client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
        self.assertEqual(response.status_code, 302)

    def test_a_password_alone_does_not_open_the_admin_for_administrators(self):
        self.password_login(self.admin)
        response = self.client.get("/admin/pages/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/to-trins-login/"))
        self.assertEqual(self.client.get("/django-admin/").status_code, 302, "nor /django-admin/")

    def test_setup_in_danish_then_a_computed_code_opens_the_admin(self):
        self.password_login(self.kl_editor)
        response = self.client.get("/admin/", follow=True)
        self.assertContains(response, "To-trins-login")
        self.assertContains(response, "Skan QR-koden")
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=self.kl_editor, confirmed=False)
        response = self.client.post("/admin/to-trins-login/", {"code": totp_code(device), "next": "/admin/pages/"})
        self.assertContains(response, "Dine gendannelseskoder")
        codes = re.findall(r"<code>(\w+)</code>", response.content.decode())
        self.assertEqual(len(codes), 10)
        self.assertEqual(StaticToken.objects.filter(device__user=self.kl_editor).count(), 10)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_wrong_setup_code_is_explained(self):
        self.password_login(self.kl_editor)
        self.client.get("/admin/to-trins-login/")
        device = TOTPDevice.objects.get(user=self.kl_editor, confirmed=False)
        wrong = "000000" if totp_code(device) != "000000" else "111111"
        response = self.client.post("/admin/to-trins-login/", {"code": wrong})
        self.assertContains(response, "Koden passer ikke")
        device.refresh_from_db()
        self.assertFalse(device.confirmed)

    def test_next_login_asks_for_the_code_and_accepts_a_computed_one(self):
        login_with_second_factor(self.client, self.admin)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)
        self.assertEqual(self.client.get("/django-admin/").status_code, 200)

    def test_a_wrong_code_is_refused(self):
        device = add_totp_device(self.admin)
        self.password_login(self.admin)
        wrong = "123456" if totp_code(device) != "123456" else "654321"
        response = self.client.post("/admin/to-trins-login/kode/", {"code": wrong})
        self.assertContains(response, "Koden passer ikke")
        self.assertEqual(self.client.get("/admin/pages/").status_code, 302)

    def test_a_recovery_code_works_once(self):
        device = add_totp_device(self.admin)
        from security.twofactor import make_recovery_codes

        codes = make_recovery_codes(self.admin)
        self.password_login(self.admin)
        response = self.client.post("/admin/to-trins-login/kode/", {"code": codes[0]})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)
        self.client.post("/admin/logout/")
        self.password_login(self.admin)
        response = self.client.post("/admin/to-trins-login/kode/", {"code": codes[0]})
        self.assertContains(response, "Koden passer ikke")
        self.assertTrue(device.confirmed)

    def test_municipal_editors_are_offered_it_but_not_forced(self):
        self.password_login(self.municipal_editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        response = self.client.get("/admin/to-trins-login/")
        self.assertContains(response, "Beskyt din konto med to-trins-login")
        self.assertContains(response, "Ikke nu")

    def test_once_set_up_a_municipal_editor_must_use_it(self):
        add_totp_device(self.municipal_editor)
        self.password_login(self.municipal_editor)
        response = self.client.get("/admin/")
        self.assertEqual(response["Location"].split("?")[0], "/admin/to-trins-login/kode/")

    def test_redirect_after_the_code_stays_on_the_site(self):
        device = add_totp_device(self.admin)
        self.password_login(self.admin)
        response = self.client.post(
            "/admin/to-trins-login/kode/", {"code": totp_code(device), "next": "https://angriber.example/"}
        )
        self.assertEqual(response["Location"], "/admin/")
