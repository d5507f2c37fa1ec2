import re

from django.test import TestCase

from cms.demo import add_menu_link
from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page


class BaseTemplateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.about = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")
        cls.hidden = StandardPageFactory(parent=cls.home, title="Skjult side", slug="skjult")
        site = cls.home.get_site()
        add_menu_link(site, cls.about)
        add_menu_link(site, cls.hidden)
        cls.hidden.unpublish()

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_every_page_has_landmarks_a_skip_link_and_one_h1(self):
        for url in ("/", "/om-netvaerket/"):
            with self.subTest(url=url):
                html = self.get(url)
                self.assertIn('<html lang="da"', html)
                self.assertIn('<a class="skip-link" href="#main">Gå til indhold</a>', html)
                self.assertIn('<main id="main"', html)
                self.assertIn("<header", html)
                self.assertIn("<footer", html)
                self.assertEqual(len(re.findall(r"<h1[\s>]", html)), 1)

    def test_main_menu_shows_live_pages_and_marks_the_current_one(self):
        html = self.get("/om-netvaerket/")
        self.assertRegex(html, r'<a href="/om-netvaerket/" aria-current="page">Om netværket</a>')
        self.assertNotIn("Skjult side", html)

    def test_breadcrumbs_below_the_home_page(self):
        html = self.get("/om-netvaerket/")
        self.assertIn('aria-label="Brødkrummesti"', html)
        self.assertNotIn('aria-label="Brødkrummesti"', self.get("/"))

    def test_breadcrumb_links_are_percent_encoded(self):
        parent = StandardPageFactory(parent=self.about, title="Grønt", slug="grønt-medborgerskab")
        StandardPageFactory(parent=parent, title="Underside", slug="side")
        html = self.get("/om-netvaerket/gr%C3%B8nt-medborgerskab/side/")
        trail = html[html.index('aria-label="Brødkrummesti"') :]
        trail = trail[: trail.index("</nav>")]
        self.assertIn('href="/om-netvaerket/gr%C3%B8nt-medborgerskab/"', trail)
        self.assertNotRegex(trail, r'href="[^"]*[æøå]')

    def test_assets_are_served_by_the_site_itself(self):
        html = self.get("/")
        self.assertIn('href="/static/cms/css/site.css"', html)
        self.assertIn('media="print"', html)
        # No CDN, external font or tracker: every script, stylesheet and image comes from this site.
        self.assertNotRegex(html, r'<script[^>]+src="https?://')
        self.assertNotRegex(html, r'<link[^>]+rel="(stylesheet|preload|preconnect)"[^>]+href="https?://')
        self.assertNotRegex(html, r'<img[^>]+src="https?://')

    def test_english_version_translates_the_sites_own_strings(self):
        html = self.get("/en/om-netvaerket/")
        self.assertIn('<html lang="en"', html)
        self.assertIn("Skip to content", html)
        self.assertIn('href="/om-netvaerket/" lang="da"', html)


class ExampleNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home_page()
        cls.example = StandardPageFactory(parent=home, title="Eksempelside", slug="eksempel", is_example=True)
        cls.real = StandardPageFactory(parent=home, title="Rigtig side", slug="rigtig")

    def test_example_pages_say_so_and_others_do_not(self):
        self.assertContains(self.client.get("/eksempel/"), "Eksempelindhold.")
        self.assertNotContains(self.client.get("/rigtig/"), "Eksempelindhold.")
