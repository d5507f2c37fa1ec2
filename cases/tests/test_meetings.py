"""Meetings as visitors see them: upcoming and past, grouped by year, and a listing that scales."""

import datetime
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from cases.factories import ConferencePageFactory, MeetingIndexPageFactory, MeetingPageFactory
from cases.models import ConferencePage, MeetingPage
from cms.tests.utils import make_home_page

from .utils import build_site


def meeting_on(index, day, **kwargs):
    return MeetingPageFactory(parent=index, date=day, title=f"Møde {day.isoformat()}", **kwargs)


class UpcomingAndPastTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.index = MeetingIndexPageFactory(parent=cls.home)
        cls.yesterday = meeting_on(cls.index, datetime.date(2025, 3, 9))
        cls.today = meeting_on(cls.index, datetime.date(2025, 3, 10))
        cls.later = meeting_on(cls.index, datetime.date(2025, 9, 1))
        cls.next_week = meeting_on(cls.index, datetime.date(2025, 3, 17))
        cls.last_year = meeting_on(cls.index, datetime.date(2024, 6, 20))
        cls.long_ago = meeting_on(cls.index, datetime.date(2024, 2, 5))
        cls.draft = meeting_on(cls.index, datetime.date(2025, 4, 1), live=False)

    def test_split_around_a_fixed_today(self):
        upcoming, past_years = self.index.meeting_groups(on=datetime.date(2025, 3, 10))
        self.assertEqual(upcoming, [self.today, self.next_week, self.later])
        self.assertEqual(past_years, [(2025, [self.yesterday]), (2024, [self.last_year, self.long_ago])])

    def test_a_meeting_today_is_still_upcoming_and_tomorrow_it_is_past(self):
        self.assertTrue(self.today.is_upcoming(datetime.date(2025, 3, 10)))
        self.assertFalse(self.today.is_upcoming(datetime.date(2025, 3, 11)))

    def test_today_is_the_danish_date_not_the_utc_date(self):
        # 23.30 UTC on 9 March is 00.30 on 10 March in Copenhagen.
        late_evening_utc = datetime.datetime(2025, 3, 9, 23, 30, tzinfo=datetime.UTC)
        with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
            from cases.models import today

            self.assertEqual(today(), datetime.date(2025, 3, 10))

    def test_the_page_shows_upcoming_first_then_past_by_year(self):
        with mock.patch("cases.models.meetings.today", return_value=datetime.date(2025, 3, 10)):
            response = self.client.get(self.index.url)
        html = response.content.decode()
        self.assertContains(response, "Kommende møder")
        positions = [html.index(meeting.title) for meeting in (self.today, self.next_week, self.later)]
        self.assertEqual(positions, sorted(positions))
        self.assertLess(html.index(self.later.title), html.index("Tidligere møder"))
        self.assertLess(html.index('id="aar-2025"'), html.index('id="aar-2024"'))
        self.assertLess(html.index("Tidligere møder"), html.index(self.yesterday.title))
        self.assertNotContains(response, self.draft.title)

    def test_without_upcoming_meetings_the_page_says_so(self):
        with mock.patch("cases.models.meetings.today", return_value=datetime.date(2030, 1, 1)):
            response = self.client.get(self.index.url)
        self.assertContains(response, "Der er ingen planlagte møder lige nu.")

    def test_private_meetings_are_not_listed(self):
        PageViewRestriction.objects.create(page=self.later, restriction_type=PageViewRestriction.LOGIN)
        upcoming, _past = self.index.meeting_groups(on=datetime.date(2025, 3, 10))
        self.assertNotIn(self.later, upcoming)


class MeetingPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_meeting_page_shows_time_place_programme_and_its_cases(self):
        response = self.client.get(self.site["meeting"].url)
        self.assertContains(response, "Afholdt netværksmøde")
        self.assertContains(response, "kl. <time")
        self.assertContains(response, "10.00")
        self.assertContains(response, "KL-huset")
        self.assertContains(response, "Klima og kultur")
        self.assertContains(response, f'href="{reverse("directory:person", args=[self.site["speaker"].slug])}"')
        self.assertContains(response, f'href="{self.site["case"].url}"')
        self.assertContains(response, f'href="{self.site["workshop"].url}"')
        self.assertContains(response, 'href="/netvaerksmoeder/aarhus-moede/kalender.ics"')

    def test_a_future_meeting_is_marked_upcoming(self):
        meeting = self.site["meeting"]
        with mock.patch("cases.models.events.today", return_value=meeting.date - datetime.timedelta(days=1)):
            response = self.client.get(meeting.url)
        self.assertContains(response, "Kommende netværksmøde")

    def test_unpublished_case_is_not_linked_from_the_programme(self):
        self.site["case"].unpublish()
        response = self.client.get(self.site["meeting"].url)
        self.assertNotContains(response, f'href="{self.site["case"].url}"')

    def test_location_text_leaves_out_repeats(self):
        meeting = MeetingPage(
            venue_name="KL-huset", venue_address="Weidekampsgade 10\n2300 København S", city="København"
        )
        self.assertEqual(meeting.location_text, "KL-huset, Weidekampsgade 10, 2300 København S")
        self.assertEqual(MeetingPage(city="Fyn").location_text, "Fyn")


class ConferenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_current_conference_is_the_next_one_or_else_the_latest(self):
        home = self.site["home"]
        older = ConferencePageFactory(parent=home, slug="konference-2025", date=datetime.date(2025, 11, 27))
        current = self.site["conference"]
        self.assertEqual(ConferencePage.current(on=datetime.date(2025, 1, 1)), older)
        self.assertEqual(ConferencePage.current(on=datetime.date(2026, 1, 1)), current)
        self.assertEqual(ConferencePage.current(on=datetime.date(2030, 1, 1)), current)

    def test_conference_lists_presentations_and_presenting_municipalities(self):
        from cms.models import Municipality

        conference = self.site["conference"]
        aarhus = Municipality.objects.get(short_name="Aarhus")
        odense = Municipality.objects.get(short_name="Odense")
        strategy = self.site["case"]  # any live page stands in for a strategy until that app is merged
        conference.programme = [
            ("presentation", presentation("Odense fortæller", odense)),
            ("presentation", presentation("Aarhus fortæller", aarhus, strategy=strategy)),
            ("presentation", presentation("Aarhus igen", aarhus)),
        ]
        conference.save_revision().publish()
        self.assertEqual(conference.presenting_municipalities, [aarhus, odense])
        response = self.client.get(conference.url)
        self.assertContains(response, "Præsenterende medlemskommuner")
        self.assertContains(response, "Aarhus Kommune", count=3)
        self.assertContains(response, f'href="{strategy.url}"')


def presentation(title, municipality, strategy=None, speakers=()):
    return {
        "time": datetime.time(10, 0),
        "title": title,
        "municipality": municipality,
        "description": "",
        "speakers": list(speakers),
        "strategy": strategy,
        "slides": None,
    }


@pytest.mark.django_db
def test_meeting_index_renders_in_the_same_number_of_queries_for_3_and_60_meetings(client):
    home = make_home_page()
    index = MeetingIndexPageFactory(parent=home)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(index.url)
        assert response.status_code == 200
        return len(queries)

    start = datetime.date(2020, 1, 6)
    for n in range(3):
        MeetingPageFactory(parent=index, date=start + datetime.timedelta(days=120 * n))
    count_queries()  # warm caches (site root paths, settings) equally for both measurements
    small = count_queries()
    for n in range(3, 60):
        MeetingPageFactory(parent=index, date=start + datetime.timedelta(days=40 * n))
    large = count_queries()
    assert index.meetings().count() == 60
    assert small == large, f"3 meetings: {small} queries, 60 meetings: {large}"
