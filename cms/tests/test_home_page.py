from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cms.factories import StandardPageFactory
from cms.models import Theme
from cms.tests.utils import make_home_page


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.about = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket", intro="Om os.")
        cls.membership = StandardPageFactory(parent=cls.home, title="Medlemskab", slug="medlemskab", intro="Pris.")
        cls.withdrawn = StandardPageFactory(parent=cls.home, title="Trukket tilbage", slug="trukket")
        cls.home.featured = [
            ("item", {"page": cls.about, "title": "", "text": ""}),
            ("item", {"page": cls.membership, "title": "Bliv medlem", "text": "Tre møder om året."}),
            ("item", {"page": cls.withdrawn, "title": "", "text": ""}),
        ]
        cls.home.save_revision().publish()
        cls.withdrawn.unpublish()

    def test_featured_items_show_with_the_editors_title_and_text(self):
        response = self.client.get("/")
        self.assertContains(response, '<a href="/om-netvaerket/">Om netværket</a>', html=True)
        self.assertContains(response, "Om os.")
        self.assertContains(response, '<a href="/medlemskab/">Bliv medlem</a>', html=True)
        self.assertContains(response, "Tre møder om året.")
        # A text page's card names no kind: "Standardside" is the CMS's word, not a visitor's.
        self.assertNotContains(response, "Standardside")

    def test_without_a_photo_the_hero_shows_the_designed_fallback(self):
        # The fallback (theme colour, leaves, the logo mark) is drawn by CSS after the text of a slot with no img.
        html = self.client.get("/").content.decode()
        self.assertIn('<div class="container hero__inner photo-slot">', html)
        self.assertNotIn('class="hero__image"', html)

    def test_unpublished_featured_pages_are_hidden(self):
        self.assertNotContains(self.client.get("/"), "Trukket tilbage")

    def test_theme_tiles_hide_while_no_theme_has_content(self):
        self.assertNotContains(self.client.get("/"), 'id="home-themes"')

    def test_theme_tiles_show_themes_with_content_and_their_counts(self):
        self.about.themes.set([Theme.objects.get(name="samskabelse")])
        self.about.save_revision().publish()
        response = self.client.get("/")
        self.assertContains(response, 'id="home-themes"')
        self.assertContains(response, "Samskabelse")
        self.assertContains(response, "1 publiceret emne")
        self.assertNotContains(response, "Cirkulær omstilling")

    def test_renders_in_the_same_number_of_queries_with_little_and_a_lot_of_content(self):
        self.about.themes.set([Theme.objects.get(name="samskabelse")])
        self.about.save_revision().publish()
        self.client.get("/")
        with CaptureQueriesContext(connection) as little:
            self.client.get("/")
        themes = list(Theme.objects.all())
        for number in range(40):
            page = StandardPageFactory(parent=self.home, title=f"Side {number}")
            page.themes.set(themes[: 1 + number % len(themes)])
            page.save_revision().publish()
        with CaptureQueriesContext(connection) as lots:
            self.client.get("/")
        self.assertContains(self.client.get("/"), "40 publicerede emner")
        self.assertEqual(len(lots), len(little), [q["sql"] for q in lots])
