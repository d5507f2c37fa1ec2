"""The home page and a theme page cost the same number of SQL queries with little and with a lot of content."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cases.factories import CasePageFactory, MeetingIndexPageFactory, MeetingPageFactory, WorkshopOutputPageFactory
from cms.fragments import bump_content_version
from cms.models import Municipality, Theme, ThemeIndexPage
from cms.tests.utils import make_home_page
from strategies.factories import (
    ActionPlanPageFactory,
    MunicipalityIndexPageFactory,
    MunicipalityPageFactory,
    StrategyPageFactory,
)
from strategies.models import Action


def publish(page, themes):
    page.themes.set(themes)
    page.save_revision().publish()
    return page


class DiscoveryQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.theme_index = ThemeIndexPage(title="Temaer", slug="temaer")
        cls.home.add_child(instance=cls.theme_index)
        cls.theme_index.save_revision().publish()
        cls.municipality_index = MunicipalityIndexPageFactory(parent=cls.home)
        cls.meeting_index = MeetingIndexPageFactory(parent=cls.home)
        cls.themes = list(Theme.objects.all())
        cls.next_day = datetime.date(2030, 1, 1)
        cls.add_content(1)

    @classmethod
    def add_content(cls, municipalities):
        """Per municipality: a strategy, an action plan with three actions, a meeting with a case and a workshop."""
        free = Municipality.objects.filter(member_page__isnull=True).order_by("code")[:municipalities]
        for number, municipality in enumerate(free):
            themes = cls.themes[number % 3 : number % 3 + 3]
            member = MunicipalityPageFactory(parent=cls.municipality_index, municipality=municipality)
            strategy = publish(StrategyPageFactory(parent=member), themes)
            plan = ActionPlanPageFactory(parent=member, strategy=strategy)
            for position in range(3):
                action = Action(page=plan, title=f"Handling {position}", sort_order=position)
                action.save()
                action.themes.set(themes[:1])
                action.save()
            publish(plan, themes)
            cls.next_day += datetime.timedelta(days=1)
            meeting = publish(MeetingPageFactory(parent=cls.meeting_index, date=cls.next_day), themes)
            publish(CasePageFactory(parent=meeting), themes)
            publish(WorkshopOutputPageFactory(parent=meeting), themes)

    def count_queries(self, url):
        self.client.get(url)  # warm the per-process caches (site root, content types)
        # Measure the page as the first request after a publish renders it: with the map drawn, not cached.
        bump_content_version()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_home_and_theme_page_queries_do_not_grow_with_content(self):
        # Every content type carries the first theme from the start, so only the amount grows.
        theme_url = f"/temaer/{self.themes[0].slug}/"
        little = {url: self.count_queries(url) for url in ("/", theme_url)}
        self.add_content(25)
        lots = {url: self.count_queries(url) for url in ("/", theme_url)}
        self.assertEqual(lots, little)
        html = self.client.get("/").content.decode()
        self.assertIn("Kommunerne i netværket", html)
        self.assertIn("Nyeste cases og workshopresultater", html)
