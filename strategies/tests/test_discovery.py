"""How visitors find and follow strategies: theme pages, feeds, related content and the home page."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from wagtail.models import PageViewRestriction

from cms.models import Theme, ThemeIndexPage
from strategies.factories import StrategyPageFactory
from strategies.models import Action

from .utils import build_tree, publish


class StrategyDiscoveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.theme_index = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=cls.theme_index)
        cls.theme_index.save_revision().publish()
        cls.theme = Theme.objects.get(name="cirkulær omstilling")
        cls.aarhus_strategy.themes.set([cls.theme])
        publish(cls.aarhus_strategy)
        cls.odense_strategy.themes.set([cls.theme])
        publish(cls.odense_strategy)
        repair = Action.objects.get(title="Reparationscafé")
        repair.themes.set([cls.theme])
        repair.save()
        cls.draft = StrategyPageFactory(parent=cls.aarhus_page, title="Kladdestrategi", live=False)
        cls.draft.themes.set([cls.theme])
        cls.draft.save_revision()

    def test_theme_page_lists_strategies_and_single_actions(self):
        response = self.client.get("/temaer/cirkulær-omstilling/")
        self.assertContains(response, "Aarhus&#x27; grønne kulturstrategi")
        self.assertContains(response, 'Handlinger <span class="count">(1)</span>', html=False)
        self.assertContains(response, f'href="{self.aarhus_plan.url}#handling-')
        self.assertNotContains(response, "Kladdestrategi")

    def test_actions_of_a_private_plan_are_not_counted(self):
        from cms.themes import theme_counts

        self.assertEqual(theme_counts()[self.theme.pk], 3)
        PageViewRestriction.objects.create(page=self.aarhus_plan, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(theme_counts()[self.theme.pk], 2)

    def test_strategy_feed_has_only_live_public_strategies_and_plans(self):
        response = self.client.get("/feed/strategier/rss/")
        titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
        # Feed items name their municipality after the title.
        self.assertIn("Aarhus' grønne kulturstrategi – Aarhus Kommune", titles)
        self.assertIn(f"{self.aarhus_plan.title} – Aarhus Kommune", titles)
        self.assertNotIn("Kladdestrategi", titles)

    def test_municipality_feed_has_only_that_municipality(self):
        response = self.client.get(f"/feed/kommune/{self.aarhus_page.slug}/atom/")
        root = ET.fromstring(response.content)
        titles = {
            entry.findtext("{http://www.w3.org/2005/Atom}title")
            for entry in root.iter("{http://www.w3.org/2005/Atom}entry")
        }
        self.assertIn("Aarhus' grønne kulturstrategi – Aarhus Kommune", titles)
        self.assertFalse(any(title.startswith("Odenses grønne kulturstrategi") for title in titles))
        self.assertEqual(self.client.get("/feed/kommune/findes-ikke/rss/").status_code, 404)

    def test_municipality_page_links_its_feed(self):
        response = self.client.get(self.aarhus_page.url)
        self.assertContains(response, f'href="/feed/kommune/{self.aarhus_page.slug}/rss/"')

    def test_strategy_page_shows_related_content_and_links_its_themes(self):
        response = self.client.get(self.aarhus_strategy.url)
        self.assertContains(response, "Relateret indhold")
        self.assertContains(response, "Odenses grønne kulturstrategi")
        self.assertContains(response, 'href="/temaer/cirkul%C3%A6r-omstilling/"')

    def test_home_page_shows_the_map_and_the_newest_strategies(self):
        response = self.client.get("/")
        self.assertContains(response, "Kommunerne i netværket")
        self.assertContains(response, "Nyeste strategier og handlingsplaner")
        self.assertNotContains(response, "Kladdestrategi")


class EmptyHomeTests(TestCase):
    def test_strategy_sections_hide_without_published_content(self):
        from cms.tests.utils import make_home_page

        make_home_page()
        response = self.client.get("/")
        self.assertNotContains(response, "Kommunerne i netværket")
        self.assertNotContains(response, "Nyeste strategier og handlingsplaner")


class RouteFindabilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_routes_and_organisation_pages_have_their_own_breadcrumbs_and_canonical(self):
        from directory.models import Organisation

        organisation = Organisation.objects.create(name="Eksempel-museet", kind="museum")
        for url, title in (
            (self.index.url + "sammenlign/", "Sammenlign strategier og handlingsplaner"),
            (self.index.url + "daekning/", "Dækning: kommuner i netværket"),
            (f"/organisationer/{organisation.slug}/", "Eksempel-museet"),
        ):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertIn(f'<link rel="canonical" href="http://testserver{url}">', html)
                self.assertIn(f'<a href="{url}" aria-current="page">{title}</a>', html)
