"""How visitors find and follow the network's cases: feeds, structured data, related content, home page."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

from django.test import TestCase

from wagtail.models import PageViewRestriction

from cases.factories import CasePageFactory, MeetingIndexPageFactory, MeetingPageFactory, WorkshopOutputPageFactory
from cms.models import Theme
from cms.tests.utils import make_home_page


class CaseDiscoveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.index = MeetingIndexPageFactory(parent=cls.home)
        cls.meeting = MeetingPageFactory(
            parent=cls.index, title="Netværksmøde i Aarhus", date=datetime.date(2024, 6, 20), city="Aarhus"
        )
        theme = Theme.objects.get(name="samskabelse")
        cls.case = CasePageFactory(parent=cls.meeting, title="Biblioteket som klimahus")
        cls.workshop = WorkshopOutputPageFactory(parent=cls.meeting, title="Workshop om genbrug")
        cls.draft = CasePageFactory(parent=cls.meeting, title="Kladde-case", live=False)
        cls.private = CasePageFactory(parent=cls.meeting, title="Lukket case")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)
        for page in (cls.case, cls.workshop, cls.draft, cls.private):
            page.themes.set([theme])
            page.save_revision().publish() if page.live else page.save_revision()

    def test_case_feed_lists_live_public_cases_and_workshops(self):
        response = self.client.get("/feed/cases/rss/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
        self.assertEqual(titles, {"Biblioteket som klimahus", "Workshop om genbrug"})
        atom = self.client.get("/feed/cases/atom/")
        entries = ET.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
        self.assertEqual(len(entries), 2)

    def test_meeting_index_links_the_case_feed(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, 'type="application/rss+xml"')
        self.assertContains(response, 'href="/feed/cases/rss/"')

    def test_meeting_page_describes_itself_as_an_event(self):
        html = self.client.get(self.meeting.url).content.decode()
        scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
        blocks = [json.loads(script) for script in scripts]
        event = next(block for block in blocks if block["@type"] == "Event")
        self.assertEqual(event["name"], "Netværksmøde i Aarhus")
        self.assertEqual(event["startDate"], "2024-06-20T10:00:00+02:00")
        self.assertEqual(event["endDate"], "2024-06-20T15:00:00+02:00")
        self.assertEqual(event["location"]["address"]["addressLocality"], "Aarhus")
        self.assertEqual(event["url"], "http://testserver" + self.meeting.url)

    def test_case_shows_related_live_public_items_but_not_itself(self):
        response = self.client.get(self.case.url)
        self.assertContains(response, "Relateret indhold")
        self.assertContains(response, "Workshop om genbrug")
        self.assertNotContains(response, "Kladde-case")
        self.assertNotContains(response, "Lukket case")

    def test_case_themes_link_to_theme_pages(self):
        from cms.models import ThemeIndexPage

        index = ThemeIndexPage(title="Temaer", slug="temaer")
        self.home.add_child(instance=index)
        index.save_revision().publish()
        self.assertContains(self.client.get(self.case.url), 'href="/temaer/samskabelse/"')

    def test_home_page_shows_the_newest_cases(self):
        response = self.client.get("/")
        self.assertContains(response, "Nyeste cases og workshopresultater")
        self.assertContains(response, "Biblioteket som klimahus")
        self.assertNotContains(response, "Kladde-case")


class EmptyHomeSectionsTests(TestCase):
    def test_case_sections_hide_while_there_is_nothing_to_show(self):
        make_home_page()
        response = self.client.get("/")
        self.assertNotContains(response, "Nyeste cases og workshopresultater")
        self.assertNotContains(response, 'id="home-meetings"')


class MunicipalityFeedTests(TestCase):
    def test_a_municipalitys_feed_includes_the_cases_it_takes_part_in(self):
        from cases.models import CaseMunicipality
        from cms.models import Municipality
        from strategies.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory

        home = make_home_page()
        aarhus = Municipality.objects.get(short_name="Aarhus")
        member = MunicipalityPageFactory(parent=MunicipalityIndexPageFactory(parent=home), municipality=aarhus)
        meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home))
        case = CasePageFactory(parent=meeting, title="Aarhus-casen")
        other = CasePageFactory(parent=meeting, title="En anden kommunes case")
        CaseMunicipality.objects.create(case=case, municipality=aarhus)
        case.save_revision().publish()
        other.save_revision().publish()
        response = self.client.get(f"/feed/kommune/{member.slug}/rss/")
        titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
        self.assertIn("Aarhus-casen", titles)
        self.assertNotIn("En anden kommunes case", titles)
