from unittest import mock

from django.db import OperationalError
from django.test import TestCase

from wagtail.models import PageViewRestriction

from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page


class HealthCheckTests(TestCase):
    def test_answers_200_when_the_database_answers(self):
        response = self.client.get("/healthz/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok", "cache": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])

    def test_answers_503_when_the_database_does_not(self):
        with (
            mock.patch("cms.views.connection.cursor", side_effect=OperationalError("database is down")),
            self.assertLogs("cms.views", level="ERROR"),
        ):
            response = self.client.get("/healthz/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "unavailable")


class ErrorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()

    def test_404_page_is_in_danish(self):
        response = self.client.get("/findes-ikke/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="da"', status_code=404)
        self.assertContains(response, "Siden blev ikke fundet", status_code=404)
        self.assertContains(response, "Gå til forsiden", status_code=404)

    def test_404_page_under_en_is_in_english(self):
        response = self.client.get("/en/does-not-exist/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="en"', status_code=404)
        self.assertContains(response, "Page not found", status_code=404)

    def test_500_page_renders_without_the_database(self):
        from cms.views import server_error

        with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
            response = server_error(None)
        self.assertEqual(response.status_code, 500)
        self.assertIn("Der opstod en fejl", response.content.decode())


class RobotsAndSitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.live = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")
        cls.draft = StandardPageFactory(parent=cls.home, title="Kladde", slug="kladde", live=False)
        cls.private = StandardPageFactory(parent=cls.home, title="Kun for medlemmer", slug="kun-medlemmer")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)

    def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        body = response.content.decode()
        self.assertIn("Disallow: /admin/", body)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", body)

    def test_favicon_ico_leads_to_the_site_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(response, "/static/cms/img/favicon-32.png", fetch_redirect_response=False)
        self.assertIn("max-age=86400", response["Cache-Control"])
        icon = self.client.get(response["Location"])
        self.assertEqual(icon.status_code, 200)
        self.assertEqual(icon["Content-Type"], "image/png")
        self.assertTrue(b"".join(icon.streaming_content).startswith(b"\x89PNG"))

    def test_sitemap_lists_live_public_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertIn("/om-netvaerket/</loc>", body)
        self.assertNotIn("/kladde/", body)
        self.assertNotIn("/kun-medlemmer/", body)
