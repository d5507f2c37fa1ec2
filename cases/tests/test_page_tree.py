"""The page tree: where each page type may go, that each renders, and what editors are refused."""

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.models import CasePage, ConferencePage, MeetingIndexPage, MeetingPage, WorkshopOutputPage
from cms.models import HomePage, StandardPage

from .utils import build_site


class TreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_meeting_index_sits_under_home_once(self):
        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})
        self.assertFalse(MeetingIndexPage.can_create_at(self.site["home"]))

    def test_meetings_go_under_the_index_and_hold_cases_and_workshops(self):
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingPage, {CasePage, WorkshopOutputPage})
        self.assertCanNotCreateAt(HomePage, MeetingPage)
        self.assertCanNotCreateAt(StandardPage, MeetingPage)

    def test_cases_and_workshops_only_go_under_a_meeting_and_have_no_children(self):
        for model in (CasePage, WorkshopOutputPage):
            self.assertAllowedParentPageTypes(model, {MeetingPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(MeetingIndexPage, model)

    def test_conference_goes_under_home(self):
        self.assertAllowedParentPageTypes(ConferencePage, {HomePage})
        self.assertAllowedSubpageTypes(ConferencePage, set())

    def test_every_page_type_renders(self):
        for name in ("index", "meeting", "case", "workshop", "conference"):
            with self.subTest(name):
                self.assertPageIsRenderable(self.site[name])

    def test_the_index_and_conference_have_the_urls_the_issue_names(self):
        self.assertEqual(self.site["index"].url, "/netvaerksmoeder/")
        self.assertEqual(self.site["conference"].url, "/konference/")


def meeting_form(**overrides):
    data = {
        "title": "Netværksmøde i Odense",
        "slug": "odense",
        "intro": "",
        "date": "2025-02-05",
        "start_time": "10:00",
        "end_time": "15:00",
        "venue_name": "Borgernes Hus",
        "venue_address": "Østre Stationsvej 15\n5000 Odense C",
        "city": "Odense",
        "host_municipality": "",
        "programme": streamfield([]),
        "practical_info": rich_text(""),
        "gallery": streamfield([]),
        "themes": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def case_form(**overrides):
    data = {
        "title": "En case",
        "slug": "en-case",
        "intro": "",
        "municipality_links": inline_formset([]),
        "organisation_links": inline_formset([]),
        "strategy_links": inline_formset([]),
        "themes": "",
        "challenge": streamfield([]),
        "approach": streamfield([]),
        "results": streamfield([]),
        "lessons": streamfield([]),
        "images": streamfield([]),
        "documents": streamfield([]),
        "contact_person": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class EditorFormTests(WagtailPageTestCase):
    """What a KL editor sees in the admin: good input is saved, bad input is refused on the field."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.image = get_image_model().objects.create(title="Foto", file=get_test_image_file())

    def setUp(self):
        self.login()

    def add_url(self, model, parent):
        return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))

    def post(self, model, parent, data):
        return self.client.post(self.add_url(model, parent), data)

    def test_editor_builds_a_meeting_with_programme_and_gallery(self):
        data = meeting_form(
            programme=streamfield(
                [
                    (
                        "item",
                        {
                            "time": "10:00",
                            "title": "Velkomst",
                            "kind": "netvaerk",
                            "description": "",
                            "speakers": streamfield([]),
                            "page": "",
                            "slides": "",
                        },
                    )
                ]
            ),
            gallery=streamfield(
                [
                    (
                        "photo",
                        {
                            "image": {"image": self.image.pk, "alt_text": "Deltagere ved bordene", "decorative": ""},
                            "caption": "",
                        },
                    )
                ]
            ),
        )
        self.assertCanCreate(self.site["index"], MeetingPage, data)
        meeting = MeetingPage.objects.get(slug="odense")
        self.assertEqual(meeting.programme[0].value["title"], "Velkomst")
        self.assertEqual(meeting.gallery[0].value["image"].contextual_alt_text, "Deltagere ved bordene")

    def test_the_admin_forms_open_for_every_page_type(self):
        for model, parent in (
            (MeetingPage, self.site["index"]),
            (CasePage, self.site["meeting"]),
            (WorkshopOutputPage, self.site["meeting"]),
            (ConferencePage, self.site["home"]),
        ):
            with self.subTest(model.__name__):
                self.assertEqual(self.client.get(self.add_url(model, parent)).status_code, 200)
        for name in ("index", "meeting", "case", "workshop", "conference"):
            with self.subTest(name):
                url = reverse("wagtailadmin_pages:edit", args=(self.site[name].pk,))
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_end_time_before_start_time_is_refused_on_the_end_time_field(self):
        response = self.post(MeetingPage, self.site["index"], meeting_form(start_time="14:00", end_time="10:00"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MeetingPage.objects.filter(slug="odense").exists())
        self.assertEqual(
            response.context["form"].errors["end_time"], ["Sluttidspunktet skal ligge efter starttidspunktet."]
        )

    def test_a_gallery_image_without_alt_text_is_refused_on_publish_on_the_alt_text_field(self):
        # Wagtail's ImageBlock asks for alt text (or the decorative mark) when publishing; a draft may wait.
        photo = {"image": {"image": self.image.pk, "alt_text": "", "decorative": ""}, "caption": ""}
        data = meeting_form(gallery=streamfield([("photo", photo)]), **{"action-publish": "publish"})
        response = self.post(MeetingPage, self.site["index"], data)
        self.assertFalse(MeetingPage.objects.filter(slug="odense").exists())
        error = response.context["form"].errors.as_data()["gallery"][0]
        child_error = error.block_errors[0].block_errors["image"].block_errors["alt_text"]
        self.assertTrue(child_error.messages)

    def test_a_gallery_image_marked_decorative_needs_no_alt_text(self):
        photo = {"image": {"image": self.image.pk, "alt_text": "", "decorative": "on"}, "caption": ""}
        self.assertCanCreate(self.site["index"], MeetingPage, meeting_form(gallery=streamfield([("photo", photo)])))
        image = MeetingPage.objects.get(slug="odense").gallery[0].value["image"]
        self.assertTrue(image.decorative)

    def test_a_case_without_contact_person_is_refused_on_the_contact_field(self):
        response = self.post(CasePage, self.site["meeting"], case_form())
        self.assertFalse(CasePage.objects.filter(slug="en-case").exists())
        self.assertEqual(
            response.context["form"].errors["contact_person"],
            ["Vælg en kontaktperson, så andre kan spørge om casen."],
        )

    def test_a_case_with_contact_person_and_municipalities_is_saved(self):
        from cms.models import Municipality

        aarhus = Municipality.objects.get(short_name="Aarhus")
        data = case_form(
            contact_person=self.site["speaker"].pk,
            municipality_links=inline_formset([{"municipality": aarhus.pk}]),
            challenge=streamfield([("paragraph", rich_text("<p>Udfordringen.</p>"))]),
        )
        self.assertCanCreate(self.site["meeting"], CasePage, data)
        case = CasePage.objects.get(slug="en-case")
        self.assertEqual(case.municipalities, [aarhus])
        self.assertEqual(case.contact_person, self.site["speaker"])

    def test_workshop_output_is_editable(self):
        workshop = self.site["workshop"]
        self.assertPageIsEditable(
            workshop,
            nested_form_data(
                {
                    "title": workshop.title,
                    "slug": workshop.slug,
                    "intro": "",
                    "question": "Hvad gør vi nu?",
                    "facilitators": inline_formset([{"person": self.site["speaker"].pk}]),
                    "results": streamfield([("insight", {"title": "Indsigt", "text": rich_text("<p>Tekst</p>")})]),
                    "themes": "",
                }
            ),
        )
