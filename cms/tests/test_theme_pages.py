from django.test import TestCase

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from cms.factories import StandardPageFactory
from cms.models import HomePage, StandardPage, Theme, ThemeIndexPage
from cms.tests.utils import make_home_page
from cms.themes import theme_counts


def themed_page(parent, title, *theme_names, **kwargs):
    page = StandardPageFactory(parent=parent, title=title, **kwargs)
    page.themes.set([Theme.objects.get(name=name) for name in theme_names])
    page.save_revision().publish() if kwargs.get("live", True) else page.save_revision()
    return page


class ThemeIndexTreeTests(WagtailPageTestCase):
    def test_theme_index_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(ThemeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, set())


class ThemePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.index = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        cls.dannelse = Theme.objects.get(name="grøn dannelse")
        cls.medborgerskab = Theme.objects.get(name="grønt medborgerskab")
        cls.live = themed_page(cls.home, "Guide til grøn dannelse", "grøn dannelse", "grønt medborgerskab")
        cls.second = themed_page(cls.home, "Dannelse i biblioteket", "grøn dannelse")
        cls.draft = themed_page(cls.home, "Kladde om dannelse", "grøn dannelse", live=False)
        cls.private = themed_page(cls.home, "Intern note om dannelse", "grøn dannelse")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)

    def test_counts_only_live_public_items(self):
        counts = theme_counts()
        self.assertEqual(counts[self.dannelse.pk], 2)
        self.assertEqual(counts[self.medborgerskab.pk], 1)
        self.assertNotIn(Theme.objects.get(name="samskabelse").pk, counts)

    def test_index_lists_every_theme_with_its_count(self):
        response = self.client.get("/temaer/")
        self.assertContains(response, '<a href="/temaer/gr%C3%B8n-dannelse/">Grøn dannelse</a>', html=False)
        self.assertContains(response, "2 publicerede emner")
        self.assertContains(response, "1 publiceret emne")
        self.assertContains(response, "Cirkulær omstilling")

    def test_theme_page_shows_description_and_its_items_grouped_by_type(self):
        response = self.client.get("/temaer/grøn-dannelse/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Grøn dannelse</h1>", html=True)
        self.assertContains(response, self.dannelse.description)
        self.assertContains(response, 'Standardsider <span class="count">(2)</span>', html=False)
        self.assertContains(response, "Guide til grøn dannelse")
        self.assertContains(response, "Dannelse i biblioteket")
        self.assertNotContains(response, "Kladde om dannelse")
        self.assertNotContains(response, "Intern note om dannelse")

    def test_theme_page_describes_itself_for_sharing(self):
        html = self.client.get("/temaer/grøn-dannelse/").content.decode()
        self.assertIn('<link rel="canonical" href="http://testserver/temaer/gr%C3%B8n-dannelse/">', html)
        self.assertIn('<meta property="og:title" content="Grøn dannelse">', html)
        self.assertIn(f'<meta name="description" content="{self.dannelse.description}">', html)

    def test_theme_page_lists_themes_that_occur_with_it(self):
        response = self.client.get("/temaer/grøn-dannelse/")
        self.assertContains(response, "Grønt medborgerskab (1)")

    def test_unknown_theme_gives_a_danish_404(self):
        response = self.client.get("/temaer/findes-ikke/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Siden blev ikke fundet", status_code=404)

    def test_unknown_content_type_is_explained_and_everything_shown(self):
        response = self.client.get("/temaer/grøn-dannelse/?type=ukendt")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Der er ingen indholdstype med det navn")
        self.assertContains(response, "Guide til grøn dannelse")

    def test_one_type_is_paginated_and_a_page_past_the_end_shows_the_last(self):
        for number in range(25):
            themed_page(self.home, f"Dannelsesguide {number:02d}", "grøn dannelse")
        response = self.client.get("/temaer/grøn-dannelse/?type=cms.standardpage")
        self.assertContains(response, "Side 1 af 2")
        response = self.client.get("/temaer/grøn-dannelse/?type=cms.standardpage&side=99")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Side 2 af 2")
        response = self.client.get("/temaer/grøn-dannelse/?type=cms.standardpage&side=abc")
        self.assertContains(response, "Side 1 af 2")

    def test_theme_pages_are_in_the_sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, "/temaer/gr%C3%B8n-dannelse/</loc>")

    def test_theme_page_renders_in_the_same_number_of_queries_with_more_content(self):
        self.client.get("/temaer/grøn-dannelse/")  # warm caches (site, content types)
        with self.capture_queries() as small:
            self.client.get("/temaer/grøn-dannelse/")
        for number in range(30):
            themed_page(self.home, f"Ekstra side {number}", "grøn dannelse", "samskabelse")
        # New pages start a new content generation (cms.content_cache): warm again, as a running site would be.
        self.client.get("/temaer/grøn-dannelse/")
        with self.capture_queries() as large:
            self.client.get("/temaer/grøn-dannelse/")
        self.assertEqual(len(large), len(small))

    def capture_queries(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        return CaptureQueriesContext(connection)


class StandardPageThemesTests(TestCase):
    def test_standard_pages_can_carry_themes(self):
        home = make_home_page()
        page = themed_page(home, "Om cirkulær omstilling", "cirkulær omstilling")
        self.assertEqual([t.name for t in StandardPage.objects.get(pk=page.pk).themes.all()], ["cirkulær omstilling"])
