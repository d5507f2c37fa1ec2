"""The directory's public pages: what other apps add by hook is shown, and nothing else is published."""

import datetime
from urllib.parse import unquote

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings

from wagtail import hooks

from cms.factories import UserFactory
from cms.permissions import KL_EDITORS_GROUP, ensure_kl_editors_group
from directory.factories import OrganisationFactory, PersonFactory


def first_section(obj, request):
    return [{"heading": "Første", "items": [{"title": f"Om {obj.name}", "url": "/a/", "meta": "Meta"}]}]


def second_section(obj, request):
    return [
        {"heading": "Tom", "items": []},
        {
            "key": "anden",
            "heading": "Anden",
            "items": [{"title": "Oplæg", "url": "/b/", "date": datetime.date(2024, 6, 20)}],
        },
    ]


class OrganisationPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(
            name="Eksempel-museet", description="Et museum.", website="https://example.org/"
        )

    def url(self, prefix=""):
        return f"{prefix}/organisationer/{self.organisation.slug}/"

    def test_shows_the_organisation_and_a_message_when_it_takes_part_in_nothing_public(self):
        response = self.client.get(self.url())
        self.assertContains(response, "<h1>Eksempel-museet</h1>", html=True)
        self.assertContains(response, 'href="https://example.org/"')
        self.assertContains(response, "indgår endnu ikke i offentliggjorte")
        self.assertEqual(self.organisation.get_absolute_url(), self.url())

    def test_sections_come_from_hooks_in_order_and_empty_ones_are_left_out(self):
        with (
            hooks.register_temporarily("organisation_page_sections", first_section, order=-2),
            hooks.register_temporarily("organisation_page_sections", second_section, order=-1),
        ):
            response = self.client.get(self.url())
        content = response.content.decode()
        self.assertLess(content.index("Første"), content.index("Anden"))
        self.assertContains(response, "Om Eksempel-museet")
        self.assertNotContains(response, ">Tom<")
        self.assertNotContains(response, "indgår endnu ikke i offentliggjorte")

    def test_unknown_organisation_is_404(self):
        self.assertEqual(self.client.get("/organisationer/findes-ikke/").status_code, 404)

    @override_settings(LANGUAGE_CODE="da")
    def test_english_address_works(self):
        self.assertEqual(self.client.get(self.url("/en")).status_code, 200)


class PersonPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.person = PersonFactory(name="Oline Oplægsholder", job_title="Kulturkonsulent")

    def url(self):
        return f"/personer/{self.person.slug}/"

    def test_a_person_without_public_appearances_has_no_page(self):
        def nothing_public(person, request):
            return [{"heading": "Tom", "items": []}]

        with hooks.register_temporarily("person_page_sections", nothing_public):
            self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_sections_from_hooks_are_listed_with_their_dates(self):
        with hooks.register_temporarily("person_page_sections", second_section):
            response = self.client.get(self.url())
        self.assertContains(response, "<h1>Oline Oplægsholder</h1>", html=True)
        self.assertContains(response, 'id="anden-heading"')
        self.assertContains(response, '<time datetime="2024-06-20">20. juni 2024</time>', html=True)
        self.assertNotContains(response, ">Tom<")
        self.assertEqual(unquote(self.person.get_absolute_url()), self.url())

    def test_unknown_person_is_404(self):
        self.assertEqual(self.client.get("/personer/findes-ikke/").status_code, 404)


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_kl_editors_group()
        cls.kl_editor = UserFactory(username="kl", groups=[Group.objects.get(name=KL_EDITORS_GROUP)])
        cls.organisation = OrganisationFactory(name="Eksempel-biblioteket")

    def test_kl_editors_curate_the_directory_as_snippets(self):
        self.client.force_login(self.kl_editor)
        response = self.client.get("/admin/snippets/directory/organisation/")
        self.assertContains(response, "Eksempel-biblioteket")
        response = self.client.post(
            "/admin/snippets/directory/person/add/", {"name": "Ny Person", "job_title": "", "organisation": ""}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.kl_editor.has_perm("directory.change_organisation"))
