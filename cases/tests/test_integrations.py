"""What the cases app gives other apps: organisation page sections and search documents."""

import datetime

from django.test import RequestFactory, TestCase

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cases.models import CaseMunicipality, CaseOrganisation, WorkshopFacilitator
from cases.wagtail_hooks import organisation_cases
from cms.models import Municipality, Theme
from directory.factories import OrganisationFactory, PersonFactory
from search.documents import SearchDocument

from .utils import agenda_item, build_site, publish


class OrganisationSectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.organisation = OrganisationFactory(name="Hovedbiblioteket")
        CaseOrganisation.objects.create(case=cls.site["case"], organisation=cls.organisation)

    def setUp(self):
        self.request = RequestFactory().get("/organisationer/hovedbiblioteket/")

    def test_hook_is_registered_under_the_agreed_name(self):
        self.assertIn(organisation_cases, hooks.get_hooks("organisation_page_sections"))

    def test_lists_the_live_public_cases_the_organisation_takes_part_in(self):
        sections = organisation_cases(self.organisation, self.request)
        self.assertEqual(len(sections), 1)
        self.assertEqual(sections[0]["heading"], "Cases fra netværksmøderne")
        (item,) = sections[0]["items"]
        self.assertEqual(item["title"], "Reparationscafé")
        self.assertEqual(item["url"], self.site["case"].url)
        self.assertIn("Netværksmøde i Aarhus", item["meta"])
        self.assertIn("20. juni 2024", item["meta"])

    def test_nothing_for_other_organisations_or_hidden_cases(self):
        self.assertEqual(organisation_cases(OrganisationFactory(), self.request), [])
        PageViewRestriction.objects.create(page=self.site["case"], restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(organisation_cases(self.organisation, self.request), [])


class SearchDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.aarhus = Municipality.objects.select_related("region").get(short_name="Aarhus")
        cls.theme = Theme.objects.order_by("pk").first()
        cls.slides = get_document_model().objects.create(title="Slides om klima")

    def only(self, page):
        documents = list(page.specific.search_documents())
        self.assertEqual(len(documents), 1)
        self.assertIsInstance(documents[0], SearchDocument)
        return documents[0]

    def test_meeting_document_carries_the_programme_speakers_date_and_slides(self):
        meeting = self.site["meeting"]
        meeting.host_municipality = self.aarhus
        meeting.programme = [
            agenda_item(
                "Klima og kultur",
                description="Om kulturlivets rolle.",
                speakers=[self.site["speaker"]],
                slides=self.slides,
            )
        ]
        meeting.themes.set([self.theme])
        publish(meeting)
        document = self.only(meeting)
        self.assertEqual(document.key, f"page:{meeting.pk}")
        self.assertEqual((document.kind, document.kind_label), ("meeting", "Netværksmøde"))
        self.assertEqual(document.url, "/netvaerksmoeder/aarhus-moede/")
        self.assertEqual(document.date, datetime.date(2024, 6, 20))
        for text in ("Klima og kultur", "Om kulturlivets rolle.", "Oline Oplægsholder", "KL-huset"):
            self.assertIn(text, document.body)
        self.assertEqual(document.themes, [self.theme.slug])
        self.assertEqual(document.municipalities, [self.aarhus.code])
        self.assertEqual(document.regions, [self.aarhus.region.code])
        self.assertEqual(document.documents, [self.slides])

    def test_case_document_has_sections_municipalities_and_the_meeting_date(self):
        case = self.site["case"]
        from wagtail.rich_text import RichText

        case.challenge = [("paragraph", RichText("<p>For få borgere deltog.</p>"))]
        case.lessons = [("document", {"document": self.slides, "title": ""})]
        case.municipality_links = [CaseMunicipality(municipality=self.aarhus)]
        publish(case)
        document = self.only(case)
        self.assertEqual((document.kind, document.kind_label), ("case", "Case"))
        self.assertIn("For få borgere deltog.", document.body)
        self.assertEqual(document.municipalities, [self.aarhus.code])
        self.assertEqual(document.regions, [self.aarhus.region.code])
        self.assertEqual(document.date, datetime.date(2024, 6, 20))
        self.assertEqual(document.documents, [self.slides])

    def test_workshop_document_has_the_question_and_facilitators(self):
        workshop = self.site["workshop"]
        WorkshopFacilitator.objects.create(workshop=workshop, person=PersonFactory(name="Frida Facilitator"))
        document = self.only(workshop)
        self.assertEqual((document.kind, document.kind_label), ("workshop", "Workshopresultat"))
        self.assertIn("grønt mødested", document.body)
        self.assertIn("Frida Facilitator", document.body)
        self.assertEqual(document.date, datetime.date(2024, 6, 20))

    def test_conference_document_has_presenting_municipalities(self):
        conference = self.site["conference"]
        conference.programme = [
            (
                "presentation",
                {
                    "time": None,
                    "title": "Aarhus fortæller",
                    "municipality": self.aarhus,
                    "description": "",
                    "speakers": [],
                    "strategy": None,
                    "slides": None,
                },
            )
        ]
        publish(conference)
        document = self.only(conference)
        self.assertEqual((document.kind, document.kind_label), ("conference", "Konference"))
        self.assertIn("Aarhus fortæller", document.body)
        self.assertEqual(document.municipalities, [self.aarhus.code])
        self.assertEqual(document.date, datetime.date(2026, 12, 3))


class HomeSectionTests(TestCase):
    """The "Kommende møder" section the home page gathers through the `home_page_sections` hook."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()  # a meeting on 20 June 2024 and a conference on 3 December 2026

    def test_hook_is_registered_under_the_agreed_name(self):
        from cases.wagtail_hooks import upcoming_meetings_section

        self.assertIn(upcoming_meetings_section, hooks.get_hooks("home_page_sections"))

    def test_shows_the_next_meetings_and_the_conference(self):
        from cases.wagtail_hooks import upcoming_for_home

        context = upcoming_for_home(on=datetime.date(2024, 6, 1))
        self.assertEqual(context["meetings"], [self.site["meeting"]])
        self.assertEqual(context["conference"], self.site["conference"])
        later = upcoming_for_home(on=datetime.date(2025, 1, 1))
        self.assertEqual((later["meetings"], later["conference"]), ([], self.site["conference"]))
        self.assertIsNone(upcoming_for_home(on=datetime.date(2030, 1, 1)))

    def test_section_template_links_each_event(self):
        from types import SimpleNamespace

        from django.template.loader import render_to_string

        from cases.wagtail_hooks import upcoming_for_home

        section = SimpleNamespace(context=upcoming_for_home(on=datetime.date(2024, 6, 1)))
        html = render_to_string("cases/home/upcoming_meetings.html", {"section": section}, request=self.request())
        self.assertIn(f'href="{self.site["meeting"].url}"', html)
        self.assertIn(f'href="{self.site["conference"].url}"', html)
        self.assertIn("20. juni 2024", html)

    def test_events_are_in_date_order_whatever_their_kind(self):
        from cases.factories import MeetingPageFactory
        from cases.wagtail_hooks import upcoming_for_home

        after = MeetingPageFactory(
            parent=self.site["meeting"].get_parent(), title="Efter konferencen", date=datetime.date(2027, 2, 4)
        )
        after.save_revision().publish()
        context = upcoming_for_home(on=datetime.date(2026, 1, 1))
        self.assertEqual([event.pk for event in context["events"]], [self.site["conference"].pk, after.pk])

    def request(self):
        from wagtail.models import Site

        request = RequestFactory().get("/")
        request.site = Site.objects.get(is_default_site=True)
        return request
