"""The demo content for meetings: the real facts as given, invented content marked, and idempotent."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Page, Revision

from cases.models import CasePage, ConferencePage, MeetingIndexPage, MeetingPage, Talk, WorkshopOutputPage
from cms.models import NavigationSettings
from directory.models import Organisation, Person


def load_demo():
    call_command("load_demo", stdout=StringIO())


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "organisations": Organisation.objects.count(),
        "talks": Talk.objects.count(),
    }


class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_a_second_run_changes_nothing(self):
        before = counts()
        load_demo()
        self.assertEqual(counts(), before)

    def test_the_three_2024_meetings_with_their_known_dates_and_places(self):
        meetings = MeetingPage.objects.filter(date__year=2024).order_by("date")
        self.assertEqual(
            [(m.date, m.city, m.is_example) for m in meetings],
            [
                (datetime.date(2024, 2, 5), "København", False),
                (datetime.date(2024, 6, 20), "Aarhus", False),
                (datetime.date(2024, 9, 10), "Fyn", False),
            ],
        )
        february = meetings[0]
        self.assertEqual(february.venue_name, "KL-huset")
        self.assertEqual(february.venue_address, "Weidekampsgade 10\n2300 København S")
        for meeting in meetings:
            # No invented start times on real meetings; their example programmes say they are examples.
            self.assertIsNone(meeting.start_time)
            self.assertIn("eksempel", meeting.practical_info)
            for block in meeting.programme:
                if block.value["speakers"] or block.value["kind"] not in ("pause", "netvaerk"):
                    self.assertIn("(eksempel)", block.value["title"])

    def test_the_speakers_have_exactly_their_public_roles_and_no_photo_or_contact_details(self):
        expected = {
            "Katherine Richardson": [
                "Klimaekspert",
                "professor i biodiversitet",
                "Københavns Universitet",
                "2030-panelet",
            ],
            "Anne Tortzen Bager": [
                "Ph.d.",
                "Klima, demokrati og samskabelse – kommunen som katalysator for klimaengagementet",
            ],
            "Jesper Rosenberg Hansen": [
                "Professor",
                "Aarhus Universitet",
                "åben strategi og distribueret ledelse",
                "Kronprins Frederiks Center for Offentlig Ledelse, AAU",
            ],
            "Thomas Sture Rasmussen": ["SDG-koordinator", "DB2030"],
            "Jacob Teglgaard": ["Stifter og medleder", "Bæredygtigt Kulturliv NU"],
        }
        for name, facts in expected.items():
            person = Person.objects.get(name=name)
            text = " ".join([person.job_title, person.organisation_label or "", person.bio])
            for fact in facts:
                self.assertIn(fact, text, name)
            self.assertFalse(person.photo_id or person.photo_consent, name)
            self.assertEqual((person.work_email, person.work_phone), ("", ""), name)
            # Real people are attached to no invented talk, case, workshop or quote, so they have no
            # public person page; "Om netværket" presents them with their roles.
            self.assertFalse(Talk.objects.filter(person=person).exists(), name)
            self.assertFalse(CasePage.objects.filter(contact_person=person).exists(), name)
            self.assertEqual(self.client.get(f"/personer/{person.slug}/").status_code, 404, name)
        about = self.client.get("/om-netvaerket/")
        for name, facts in expected.items():
            self.assertContains(about, name)
            self.assertContains(about, facts[-1])

    def test_every_talk_in_the_demo_is_given_by_an_invented_person(self):
        speakers = set(Talk.objects.values_list("person__name", flat=True))
        self.assertTrue(speakers)
        for name in speakers:
            self.assertIn("Eksempel", name)

    def test_invented_cases_workshops_and_conference_are_marked_as_examples(self):
        self.assertGreaterEqual(CasePage.objects.count(), 2)
        self.assertGreaterEqual(WorkshopOutputPage.objects.count(), 2)
        for page in [*CasePage.objects.all(), *WorkshopOutputPage.objects.all(), *ConferencePage.objects.all()]:
            self.assertTrue(page.is_example, page.title)
            response = self.client.get(page.url)
            self.assertContains(response, "Eksempelindhold.")
        for case in CasePage.objects.all():
            self.assertIsNotNone(case.contact_person)

    def test_programme_items_link_to_the_cases_and_workshops_they_produced(self):
        meeting = MeetingPage.objects.get(slug="februar-2024")
        linked = {block.value["page"].pk for block in meeting.programme if block.value["page"]}
        self.assertEqual(linked, {page.pk for page in meeting.get_children()})

    def test_index_links_membership_and_both_are_in_the_main_menu(self):
        index = MeetingIndexPage.objects.get()
        self.assertEqual(index.url, "/netvaerksmoeder/")
        self.assertEqual(index.membership_page.slug, "medlemskab")
        self.assertEqual(ConferencePage.objects.get().url, "/konference/")
        nav = NavigationSettings.for_site(index.get_site())
        titles = [title for title, _url, _page in NavigationSettings.resolve(nav.main_menu)]
        self.assertIn("Netværksmøder", titles)
        self.assertIn("Konference 2026", titles)
        response = self.client.get("/netvaerksmoeder/")
        self.assertContains(response, 'href="/medlemskab/"')
        self.assertContains(self.client.get("/konference/"), 'href="/medlemskab/"')

    def test_membership_page_has_the_facts_the_meetings_refer_to(self):
        response = self.client.get("/medlemskab/")
        for fact in ("7.000 kr. ekskl. moms", "ét fast medlem", "ledsager", "faktureres efter det første møde", "tre"):
            self.assertContains(response, fact)
        self.assertContains(response, "konference")
        # How to join, and two facts from KL's description: free conference, joint climate-policy meeting.
        self.assertContains(response, "Sådan bliver din kommune medlem")
        self.assertContains(response, "Skriv til KL")
        self.assertContains(response, "Gratis deltagelse i den offentlige konference")
        self.assertContains(response, "klimapolitiske netværk")
