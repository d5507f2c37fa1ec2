"""The public listing costs the same number of SQL queries whatever the amount of content."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cms import content_cache
from cms.models import Municipality, Theme
from cms.tests.utils import make_home_page
from strategies.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory, StrategyPageFactory


class ListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home_page()
        cls.index = MunicipalityIndexPageFactory(parent=home)
        cls.themes = list(Theme.objects.all()[:3])
        cls.municipalities = list(Municipality.objects.order_by("code")[:50])
        cls.member_pages = [MunicipalityPageFactory(parent=cls.index, municipality=m) for m in cls.municipalities]

    def add_strategies(self, count):
        for number in range(count):
            parent = self.member_pages[number % len(self.member_pages)]
            strategy = StrategyPageFactory(parent=parent, status=["vedtaget", "i-gang", "evalueret"][number % 3])
            strategy.themes.add(*self.themes[: 1 + number % 3])
            strategy.save()

    def count_queries(self, params=None):
        # Every measured request renders the map, as the first one after a publish does (the map is cached
        # per content generation, and these strategies are added without publishing).
        content_cache.new_generation()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/kommuner/", params or {})
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def test_same_number_of_queries_with_10_and_200_strategies(self):
        self.add_strategies(10)
        self.client.get("/kommuner/")  # warm caches that are not per request (site root, settings)
        small, response = self.count_queries()
        self.assertEqual(sum(len(e["strategies"]) for e in response.context["members"]), 10)
        self.add_strategies(190)
        large, response = self.count_queries()
        self.assertEqual(sum(len(e["strategies"]) for e in response.context["members"]), 200)
        self.assertEqual(small, large)
        filtered_small, _ = self.count_queries({"tema": self.themes[0].slug, "status": "vedtaget"})
        self.assertEqual(filtered_small, large)


class ActionPlanQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from strategies.tests.utils import build_tree

        build_tree(cls)

    def add_actions(self, count):
        from directory.factories import OrganisationFactory
        from strategies.models import Action

        theme = Theme.objects.first()
        for number in range(count):
            action = Action(page=self.aarhus_plan, title=f"Handling {number}", sort_order=10 + number)
            action.responsible = OrganisationFactory()
            action.save()
            action.partners.add(OrganisationFactory(), OrganisationFactory())
            action.themes.add(theme)
            action.save()

    def test_plan_page_costs_the_same_with_6_and_30_actions(self):
        self.add_actions(3)
        self.client.get(self.aarhus_plan.url)
        with CaptureQueriesContext(connection) as small:
            self.client.get(self.aarhus_plan.url)
        self.add_actions(24)
        self.client.get(self.aarhus_plan.url)  # saving organisations changed content: warm again
        with CaptureQueriesContext(connection) as large:
            response = self.client.get(self.aarhus_plan.url)
        self.assertContains(response, "Handling 23")
        self.assertEqual(len(small), len(large))
