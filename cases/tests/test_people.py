"""People: a speaker's public page lists their talks, and a photo without consent is never shown."""

import datetime

from django.test import TestCase
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from cases.models import Talk, WorkshopFacilitator
from directory.factories import PersonFactory

from .utils import agenda_item, build_site


def person_url(person):
    return reverse("directory:person", args=[person.slug])


class TalksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.speaker = cls.site["speaker"]

    def test_publishing_a_meeting_records_its_speakers(self):
        talks = list(Talk.objects.filter(person=self.speaker))
        self.assertEqual(
            [(t.title, t.page_id, t.date) for t in talks],
            [("Klima og kultur", self.site["meeting"].pk, datetime.date(2024, 6, 20))],
        )

    def test_person_page_lists_talks_with_links_to_the_agenda_item(self):
        response = self.client.get(person_url(self.speaker))
        self.assertContains(response, "<h1>Oline Oplægsholder</h1>", html=True)
        talk = Talk.objects.get(person=self.speaker)
        self.assertContains(response, f'href="{self.site["meeting"].url}#punkt-{talk.block_id}"')
        self.assertContains(response, f'id="punkt-{talk.block_id}"', count=0)
        meeting_page = self.client.get(self.site["meeting"].url)
        self.assertContains(meeting_page, f'id="punkt-{talk.block_id}"')

    def test_a_draft_change_does_not_show_until_it_is_published(self):
        meeting = self.site["meeting"]
        other = PersonFactory(name="Ny Taler")
        meeting.programme = [agenda_item("Nyt oplæg", speakers=[other])]
        meeting.save_revision()  # draft only
        self.assertEqual(self.client.get(person_url(other)).status_code, 404)
        meeting.get_latest_revision().publish()
        self.assertContains(self.client.get(person_url(other)), "Nyt oplæg")
        # The old speaker's talk went with the old programme.
        self.assertFalse(Talk.objects.filter(person=self.speaker).exists())

    def test_unpublishing_or_restricting_the_meeting_hides_the_talk(self):
        meeting = self.site["meeting"]
        PageViewRestriction.objects.create(page=meeting, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(self.client.get(person_url(self.speaker)).status_code, 404)
        PageViewRestriction.objects.all().delete()
        self.assertEqual(self.client.get(person_url(self.speaker)).status_code, 200)
        meeting.unpublish()
        self.assertFalse(Talk.objects.filter(page=meeting).exists())
        self.assertEqual(self.client.get(person_url(self.speaker)).status_code, 404)

    def test_contact_persons_and_facilitators_have_pages_but_the_rest_of_the_directory_does_not(self):
        contact = self.site["case"].contact_person
        self.assertContains(self.client.get(person_url(contact)), self.site["case"].title)
        facilitator = PersonFactory(name="Frida Facilitator")
        WorkshopFacilitator.objects.create(workshop=self.site["workshop"], person=facilitator)
        self.assertContains(self.client.get(person_url(facilitator)), self.site["workshop"].title)
        nobody = PersonFactory(name="Kun i registret")
        self.assertEqual(self.client.get(person_url(nobody)).status_code, 404)


class PhotoConsentTests(TestCase):
    """A person's photo appears only with their consent: on their page, on cases and on workshops."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        image_model = get_image_model()
        cls.photo = image_model.objects.create(title="Portræt", file=get_test_image_file(filename="portraet.png"))
        cls.contact = cls.site["case"].contact_person
        cls.contact.photo = cls.photo
        cls.contact.photo_consent = False
        cls.contact.save()
        cls.speaker = cls.site["speaker"]
        cls.speaker.photo = cls.photo
        cls.speaker.photo_consent = False
        cls.speaker.save()
        WorkshopFacilitator.objects.create(workshop=cls.site["workshop"], person=cls.speaker)

    def assert_no_photo(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertNotContains(response, "portraet")
        self.assertNotContains(response, "/images/")

    def test_without_consent_the_photo_is_shown_nowhere(self):
        for url in (
            person_url(self.contact),
            person_url(self.speaker),
            self.site["case"].url,
            self.site["workshop"].url,
            self.site["meeting"].url,
        ):
            with self.subTest(url):
                self.assert_no_photo(url)

    def test_with_consent_the_photo_is_shown(self):
        self.contact.photo_consent = True
        self.contact.save()
        self.assertContains(self.client.get(person_url(self.contact)), "portraet")
        self.assertContains(self.client.get(self.site["case"].url), "portraet")
        # Consent is per person: the speaker without consent still has no photo.
        self.assert_no_photo(person_url(self.speaker))


class RebuildCommandTests(TestCase):
    def test_rebuild_talks_restores_the_table_from_live_programmes(self):
        from io import StringIO

        from django.core.management import call_command

        site = build_site()
        Talk.objects.all().delete()
        draft = site["meeting"].copy(update_attrs={"slug": "kopi", "title": "Kopi"}, keep_live=False)
        call_command("rebuild_talks", stdout=StringIO())
        self.assertEqual(list(Talk.objects.values_list("page_id", flat=True)), [site["meeting"].pk])
        self.assertFalse(Talk.objects.filter(page=draft).exists())


class DeletingPeopleTests(TestCase):
    def test_deleting_a_contact_person_keeps_the_case_published(self):
        site = build_site()
        site["case"].contact_person.delete()
        case = site["case"].__class__.objects.get(pk=site["case"].pk)
        self.assertTrue(case.live)
        self.assertIsNone(case.contact_person)
        self.assertEqual(self.client.get(case.url).status_code, 200)

    def test_deleting_a_speaker_removes_their_talks(self):
        site = build_site()
        site["speaker"].delete()
        self.assertFalse(Talk.objects.exists())
        self.assertEqual(self.client.get(site["meeting"].url).status_code, 200)
