import xml.etree.ElementTree as ET

from django.test import TestCase

from wagtail.models import PageViewRestriction

from cms.factories import StandardPageFactory
from cms.models import Theme, ThemeIndexPage
from cms.tests.utils import make_home_page

ATOM = "{http://www.w3.org/2005/Atom}"


class ThemeFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        index = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=index)
        index.save_revision().publish()
        theme = Theme.objects.get(name="grøn dannelse")
        cls.pages = {}
        for title, live in (("Synlig side", True), ("Kladde", False), ("Privat side", True), ("Andet tema", True)):
            page = StandardPageFactory(parent=cls.home, title=title, intro=f"Om {title.lower()}.", live=live)
            if title != "Andet tema":
                page.themes.set([theme])
            page.save_revision().publish() if live else page.save_revision()
            cls.pages[title] = page
        PageViewRestriction.objects.create(page=cls.pages["Privat side"], restriction_type=PageViewRestriction.LOGIN)

    def test_rss_feed_is_valid_xml_with_only_live_public_items_on_the_theme(self):
        response = self.client.get("/feed/tema/grøn-dannelse/rss/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        channel = ET.fromstring(response.content).find("channel")
        self.assertEqual(channel.findtext("title"), "Grønne partnerskaber: Grøn dannelse")
        self.assertEqual(channel.findtext("language"), "da")
        items = channel.findall("item")
        self.assertEqual([item.findtext("title") for item in items], ["Synlig side"])
        self.assertEqual(items[0].findtext("link"), "http://testserver/synlig-side/")
        self.assertEqual(items[0].findtext("description"), "Om synlig side.")
        self.assertEqual(items[0].findtext("category"), "grøn dannelse")

    def test_atom_feed_is_valid_xml_with_the_same_items(self):
        response = self.client.get("/feed/tema/grøn-dannelse/atom/")
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        root = ET.fromstring(response.content)
        self.assertEqual(root.tag, f"{ATOM}feed")
        self.assertEqual([entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")], ["Synlig side"])

    def test_unknown_theme_feed_is_a_404(self):
        self.assertEqual(self.client.get("/feed/tema/findes-ikke/rss/").status_code, 404)

    def test_theme_page_links_its_feeds(self):
        response = self.client.get("/temaer/grøn-dannelse/")
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="RSS: grøn dannelse" '
            'href="/feed/tema/gr%C3%B8n-dannelse/rss/">',
        )
        self.assertContains(response, 'type="application/atom+xml"')


class RelatedContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        themes = {t.name: t for t in Theme.objects.all()}

        def page(title, names, **kwargs):
            p = StandardPageFactory(parent=cls.home, title=title, **kwargs)
            p.themes.set([themes[name] for name in names])
            p.save_revision().publish() if kwargs.get("live", True) else p.save_revision()
            return p

        cls.subject = page("Emnet", ["grøn dannelse", "samskabelse", "cirkulær omstilling"])
        cls.best = page("Deler tre", ["grøn dannelse", "samskabelse", "cirkulær omstilling"])
        cls.good = page("Deler to", ["grøn dannelse", "samskabelse"])
        cls.some = page("Deler en", ["grøn dannelse"])
        cls.none = page("Deler ingen", ["natur og biodiversitet"])
        cls.draft = page("Kladde med alt", ["grøn dannelse", "samskabelse", "cirkulær omstilling"], live=False)
        cls.private = page("Privat med alt", ["grøn dannelse", "samskabelse", "cirkulær omstilling"])
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)
        for number in range(8):
            page(f"Fyld {number}", ["grøn dannelse"])

    def test_shows_at_most_six_items_sharing_the_most_themes_first(self):
        from cms.themes import related_pages

        related = related_pages(self.subject)
        self.assertEqual(len(related), 6)
        self.assertEqual([p.title for p in related[:2]], ["Deler tre", "Deler to"])

    def test_never_includes_the_page_itself_drafts_or_private_pages(self):
        from cms.themes import related_pages

        titles = {p.title for p in related_pages(self.subject, limit=50)}
        self.assertNotIn("Emnet", titles)
        self.assertNotIn("Kladde med alt", titles)
        self.assertNotIn("Privat med alt", titles)
        self.assertNotIn("Deler ingen", titles)

    def test_related_content_shows_on_the_page(self):
        response = self.client.get(self.subject.url)
        self.assertContains(response, "Relateret indhold")
        self.assertContains(response, "Deler tre")
