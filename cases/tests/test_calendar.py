"""Calendar files: valid RFC 5545 that icalendar can read, in Danish time, with stable UIDs."""

import datetime
import zoneinfo

from django.test import TestCase

from wagtail.models import PageViewRestriction

import icalendar

from cases.factories import MeetingPageFactory

from .utils import build_site

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


class CalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.meeting = cls.site["meeting"]  # 20 June 2024, 10.00–15.00 (summer time)
        cls.winter = MeetingPageFactory(
            parent=cls.site["index"],
            title="Vintermøde",
            slug="vintermoede",
            date=datetime.date(2025, 2, 5),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(14, 0),
        )
        cls.undated = MeetingPageFactory(
            parent=cls.site["index"],
            title="Møde på Fyn",
            slug="fyn",
            date=datetime.date(2024, 9, 10),
            start_time=None,
            end_time=None,
            venue_name="",
            venue_address="",
            city="Fyn",
        )
        cls.draft = MeetingPageFactory(parent=cls.site["index"], title="Kladde", slug="kladde", live=False)

    def fetch(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response, icalendar.Calendar.from_ical(response.content)

    def events(self, calendar):
        return {str(event["summary"]): event for event in calendar.walk("VEVENT")}

    def test_meeting_file_has_the_right_content_type_filename_and_fields(self):
        response, calendar = self.fetch("/netvaerksmoeder/aarhus-moede/kalender.ics")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="aarhus-moede.ics"')
        self.assertEqual(str(calendar["version"]), "2.0")
        self.assertTrue(str(calendar["prodid"]))
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(str(event["uid"]), f"meeting-{self.meeting.pk}@groenne-partnerskaber.kl.dk")
        self.assertEqual(str(event["summary"]), "Netværksmøde i Aarhus")
        self.assertEqual(str(event["url"]), "http://testserver/netvaerksmoeder/aarhus-moede/")
        self.assertIn("KL-huset", str(event["location"]))
        self.assertIn("Klima og kultur", str(event["description"]))
        self.assertEqual(event["dtstamp"].dt.utcoffset(), datetime.timedelta(0))

    def test_times_are_danish_local_times_on_both_sides_of_daylight_saving(self):
        _response, summer = self.fetch("/netvaerksmoeder/aarhus-moede/kalender.ics")
        (event,) = summer.walk("VEVENT")
        start, end = event["dtstart"].dt, event["dtend"].dt
        self.assertEqual(event["dtstart"].params["TZID"], "Europe/Copenhagen")
        self.assertEqual(start, datetime.datetime(2024, 6, 20, 10, 0, tzinfo=COPENHAGEN))
        self.assertEqual(start.astimezone(datetime.UTC).hour, 8)  # CEST is UTC+2
        self.assertEqual(end, datetime.datetime(2024, 6, 20, 15, 0, tzinfo=COPENHAGEN))

        _response, winter = self.fetch("/netvaerksmoeder/vintermoede/kalender.ics")
        (event,) = winter.walk("VEVENT")
        self.assertEqual(event["dtstart"].dt.astimezone(datetime.UTC).hour, 8)  # 9.30 CET is 8.30 UTC
        self.assertEqual(event["dtstart"].dt.astimezone(datetime.UTC).minute, 30)
        timezones = winter.walk("VTIMEZONE")
        self.assertEqual([str(tz["tzid"]) for tz in timezones], ["Europe/Copenhagen"])

    def test_a_meeting_without_a_start_time_is_an_all_day_event(self):
        _response, calendar = self.fetch("/netvaerksmoeder/fyn/kalender.ics")
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(event["dtstart"].dt, datetime.date(2024, 9, 10))
        self.assertEqual(event["dtend"].dt, datetime.date(2024, 9, 11))
        self.assertEqual(str(event["location"]), "Fyn")

    def test_uid_stays_the_same_when_the_meeting_changes(self):
        _response, before = self.fetch("/netvaerksmoeder/aarhus-moede/kalender.ics")
        self.meeting.title = "Netværksmøde i Aarhus (flyttet)"
        self.meeting.date = datetime.date(2024, 6, 21)
        self.meeting.save_revision().publish()
        _response, after = self.fetch("/netvaerksmoeder/aarhus-moede/kalender.ics")
        uid_before = str(before.walk("VEVENT")[0]["uid"])
        uid_after = str(after.walk("VEVENT")[0]["uid"])
        self.assertEqual(uid_before, uid_after)
        # A newer version of the same event: calendars that honour SEQUENCE take the new time.
        self.assertGreater(int(after.walk("VEVENT")[0]["sequence"]), int(before.walk("VEVENT")[0]["sequence"]))
        self.assertEqual(after.walk("VEVENT")[0]["dtstart"].dt.date(), datetime.date(2024, 6, 21))

    def test_subscription_feed_has_every_live_public_meeting_and_the_conference(self):
        private = MeetingPageFactory(parent=self.site["index"], title="Lukket møde", slug="lukket")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        response, calendar = self.fetch("/netvaerksmoeder/kalender.ics")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="netvaerksmoeder.ics"')
        events = self.events(calendar)
        self.assertEqual(set(events), {"Netværksmøde i Aarhus", "Vintermøde", "Møde på Fyn", "Konference 2026"})
        conference = events["Konference 2026"]
        uid = f"conference-{self.site['conference'].pk}@groenne-partnerskaber.kl.dk"
        self.assertEqual(str(conference["uid"]), uid)
        self.assertEqual(conference["dtstart"].dt, datetime.datetime(2026, 12, 3, 9, 30, tzinfo=COPENHAGEN))
        self.assertEqual(len({str(event["uid"]) for event in events.values()}), 4)

    def test_index_offers_a_webcal_subscription_and_the_plain_address(self):
        response = self.client.get("/netvaerksmoeder/")
        self.assertContains(response, 'href="webcal://testserver/netvaerksmoeder/kalender.ics"')
        self.assertContains(response, "http://testserver/netvaerksmoeder/kalender.ics")

    def test_the_conference_has_its_own_file(self):
        response, calendar = self.fetch("/konference/kalender.ics")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="konference.ics"')
        self.assertEqual(len(calendar.walk("VEVENT")), 1)

    def test_english_address_serves_the_same_file(self):
        _response, calendar = self.fetch("/en/netvaerksmoeder/aarhus-moede/kalender.ics")
        uid = str(calendar.walk("VEVENT")[0]["uid"])
        self.assertEqual(uid, f"meeting-{self.meeting.pk}@groenne-partnerskaber.kl.dk")

    def test_drafts_private_pages_and_other_pages_have_no_file(self):
        PageViewRestriction.objects.create(
            page=self.winter, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        for url in (
            "/netvaerksmoeder/kladde/kalender.ics",
            "/netvaerksmoeder/vintermoede/kalender.ics",
            "/netvaerksmoeder/aarhus-moede/reparationscafe/kalender.ics",
            "/findes-ikke/kalender.ics",
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_calendar_programs_may_ask_with_head(self):
        response = self.client.head("/netvaerksmoeder/kalender.ics")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
