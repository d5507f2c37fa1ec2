"""Every public page type costs the same number of SQL queries with little and with a lot of content.

And never more than PAGE_QUERY_LIMIT once the per-process caches are warm, as in a running worker (issue 14;
`python manage.py benchmark_pages` measures the same pages at the network's full scale).
"""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cases.factories import CasePageFactory, MeetingIndexPageFactory, MeetingPageFactory, WorkshopOutputPageFactory
from cms import content_cache
from cms.models import Municipality, Theme, ThemeIndexPage
from cms.tests.utils import make_home_page
from strategies.factories import (
    ActionPlanPageFactory,
    MunicipalityIndexPageFactory,
    MunicipalityPageFactory,
    StrategyPageFactory,
)
from strategies.models import Action, ActionPlanPage, MunicipalityPage, StrategyPage

PAGE_QUERY_LIMIT = 15


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
        # Warm the per-process caches (site root, content types) and the values kept until content changes
        # (cms.content_cache). Twice: the very first visit creates the site's settings rows, which is a change.
        self.client.get(url)
        self.client.get(url)
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

    def page_urls(self):
        """One address of every public page type, chosen among the pages that exist from the start."""
        member = MunicipalityPage.objects.order_by("pk").first()
        strategy = StrategyPage.objects.order_by("pk").first()
        plan = ActionPlanPage.objects.order_by("pk").first()
        meeting = self.meeting_index.get_children().order_by("pk").first()
        case = meeting.get_children().order_by("pk").first()
        theme = self.themes[0]
        return [
            "/",
            "/kommuner/",
            member.url,
            strategy.url,
            plan.url,
            "/netvaerksmoeder/",
            meeting.url,
            case.url,
            "/temaer/",
            f"/temaer/{theme.slug}/",
            "/soeg/?q=strategi",
            "/sitemap.xml",
            "/netvaerksmoeder/kalender.ics",
            f"{meeting.url}kalender.ics",
            "/feed/strategier/rss/",
            "/feed/cases/atom/",
            f"/feed/tema/{theme.slug}/rss/",
            f"/feed/kommune/{member.slug}/rss/",
            "/api/v1/strategies",
            "/api/v1/actions",
        ]

    def test_every_page_type_costs_the_same_queries_with_more_content_and_at_most_the_limit(self):
        urls = self.page_urls()
        little = {url: self.count_queries(url) for url in urls}
        self.add_content(25)
        lots = {url: self.count_queries(url) for url in urls}
        self.assertEqual(lots, little)
        over = {url: count for url, count in lots.items() if count > PAGE_QUERY_LIMIT}
        self.assertEqual(over, {}, f"pages over {PAGE_QUERY_LIMIT} queries")

    def test_the_first_request_after_a_change_costs_the_same_with_more_content(self):
        """Right after a publish the kept values are rebuilt; that costs more, but not more with more content.

        The calendar of every meeting is left out: it is built from every meeting's programme once per change
        (cms.content_cache), which is what keeps it flat for every request after that one.
        """
        urls = [url for url in self.page_urls() if url != "/netvaerksmoeder/kalender.ics"]

        def cold(url):
            self.client.get(url)
            content_cache.new_generation()
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        little = {url: cold(url) for url in urls}
        self.add_content(25)
        lots = {url: cold(url) for url in urls}
        # A list of the newest items may hold more page types with more content (each page type is one query,
        # whatever the number of its items), so a cold count may rise by a few, never with each item.
        grown = {url: (little[url], lots[url]) for url in urls if lots[url] > little[url] + 3}
        self.assertEqual(grown, {})
