"""What the site keeps between requests (cms.content_cache) changes as soon as an editor's change is committed.

Each test warms the kept values with a visit, makes one change the way the admin does (inside a transaction that
commits), and checks what the next anonymous visitor sees.
"""

from django.test import TestCase
from django.utils.encoding import iri_to_uri

from wagtail.models import PageViewRestriction

from cms.factories import StandardPageFactory
from cms.models import NavigationSettings, Theme, ThemeIndexPage
from cms.tests.utils import make_home_page


def themed(parent, title, theme, slug=None):
    page = StandardPageFactory(parent=parent, title=title, **({"slug": slug} if slug else {}))
    page.themes.set([theme])
    page.save_revision().publish()
    return page


class KeptValuesFollowChangesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.theme = Theme.objects.order_by("pk").first()
        cls.index = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        cls.about = themed(cls.home, "Om netværket", cls.theme, slug="om-netvaerket")
        cls.guide = themed(cls.home, "Guide til grøn kultur", cls.theme, slug="guide")
        navigation = NavigationSettings.for_site(cls.home.get_site())
        navigation.main_menu = [("link", {"page": cls.guide, "url": "", "title": ""})]
        navigation.save()

    def change(self, action):
        with self.captureOnCommitCallbacks(execute=True):
            action()

    def html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_a_republished_title_shows_in_related_content_and_the_menu(self):
        self.assertIn("Guide til grøn kultur", self.html(self.about.url))

        def retitle():
            self.guide.title = "Håndbog i grøn kultur"
            self.guide.save_revision().publish()

        self.change(retitle)
        html = self.html(self.about.url)
        self.assertIn("Håndbog i grøn kultur", html)
        self.assertNotIn("Guide til grøn kultur", html)

    def test_an_unpublished_page_leaves_the_menu_related_content_and_sitemap(self):
        self.assertIn(self.guide.url, self.html(self.about.url))
        self.assertIn("/guide/", self.html("/sitemap.xml"))
        self.change(self.guide.unpublish)
        self.assertNotIn(self.guide.url, self.html(self.about.url))
        self.assertNotIn("/guide/", self.html("/sitemap.xml"))

    def test_a_private_page_leaves_the_menu_related_content_and_sitemap(self):
        self.assertIn(self.guide.url, self.html(self.about.url))
        self.assertIn("/guide/", self.html("/sitemap.xml"))
        self.change(
            lambda: PageViewRestriction.objects.create(page=self.guide, restriction_type=PageViewRestriction.LOGIN)
        )
        self.assertNotIn(self.guide.url, self.html(self.about.url))
        self.assertNotIn("/guide/", self.html("/sitemap.xml"))
        self.assertNotIn("Guide til grøn kultur", self.html("/"))

    def test_a_moved_page_has_its_new_address_in_the_sitemap(self):
        self.assertIn("/guide/", self.html("/sitemap.xml"))
        self.change(lambda: self.guide.move(self.about, pos="last-child"))
        self.assertIn("/om-netvaerket/guide/", self.html("/sitemap.xml"))

    def test_the_home_page_theme_tiles_follow_a_publish(self):
        other = Theme.objects.exclude(pk=self.theme.pk).order_by("pk").first()
        tile = iri_to_uri(f"/temaer/{other.slug}/")
        self.assertNotIn(tile, self.html("/"))
        self.change(lambda: themed(self.home, "Ny side", other))
        self.assertIn(tile, self.html("/"))
