"""Municipal editors change their own municipality's organisations and people, and not another's."""

from django.test import TestCase
from django.urls import reverse

from directory.factories import OrganisationFactory, PersonFactory
from directory.models import Organisation, Person
from strategies.tests.utils import build_tree


def snippet_url(model, view, *args):
    return reverse(f"wagtailsnippets_directory_{model._meta.model_name}:{view}", args=args)


class DirectoryRightsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.aarhus_library = OrganisationFactory(name="Eksempel-bibliotek Aarhus", municipality=cls.aarhus)
        cls.odense_museum = OrganisationFactory(name="Eksempel-museum Odense", municipality=cls.odense)
        cls.aarhus_person = PersonFactory(name="Anna Eksempel", municipality=cls.aarhus)
        cls.odense_person = PersonFactory(name="Ole Eksempel", municipality=cls.odense)

    def assertRefused(self, response):
        """Wagtail answers a refused admin request by sending the editor to the dashboard with a message."""
        self.assertEqual(response.status_code, 302, "the editor should be refused")
        self.assertEqual(response.url, reverse("wagtailadmin_home"))

    def person_data(self, person, **changes):
        data = {
            "name": person.name,
            "job_title": person.job_title,
            "organisation": "",
            "organisation_name": "",
            "municipality": person.municipality_id or "",
            "bio": "",
            "work_email": person.work_email,
            "work_phone": "",
            "photo": "",
        }
        data.update(changes)
        return data

    def test_a_municipal_editor_edits_a_person_of_their_own_municipality(self):
        self.client.force_login(self.aarhus_editor)
        url = snippet_url(Person, "edit", self.aarhus_person.pk)
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(url, self.person_data(self.aarhus_person, job_title="Kulturchef"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Person.objects.get(pk=self.aarhus_person.pk).job_title, "Kulturchef")

    def test_another_municipalitys_person_is_refused(self):
        self.client.force_login(self.aarhus_editor)
        url = snippet_url(Person, "edit", self.odense_person.pk)
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url, self.person_data(self.odense_person, job_title="Ændret af Aarhus")))
        self.assertEqual(Person.objects.get(pk=self.odense_person.pk).job_title, "Kulturkonsulent")

    def test_the_listing_links_only_their_own_rows_for_editing(self):
        self.client.force_login(self.aarhus_editor)
        html = self.client.get(snippet_url(Organisation, "list")).content.decode()
        self.assertIn(snippet_url(Organisation, "edit", self.aarhus_library.pk), html)
        self.assertNotIn(snippet_url(Organisation, "edit", self.odense_museum.pk), html)
        self.assertIn("Eksempel-museum Odense", html, "others' organisations are still listed, to be chosen")

    def test_organisations_follow_the_same_rule(self):
        self.client.force_login(self.aarhus_editor)
        self.assertEqual(self.client.get(snippet_url(Organisation, "edit", self.aarhus_library.pk)).status_code, 200)
        self.assertRefused(self.client.get(snippet_url(Organisation, "edit", self.odense_museum.pk)))
        # Municipal editors never delete: an entry may be a partner on another municipality's page.
        self.assertRefused(self.client.get(snippet_url(Organisation, "delete", self.aarhus_library.pk)))

    def test_a_new_entry_is_filed_under_the_editors_own_municipality(self):
        self.client.force_login(self.aarhus_editor)
        form = self.client.get(snippet_url(Person, "add")).context["form"]
        self.assertEqual(list(form.fields["municipality"].queryset), [self.aarhus])
        data = self.person_data(Person(name="Bo Eksempel", job_title="Leder"), municipality=self.odense.pk)
        response = self.client.post(snippet_url(Person, "add"), data)
        self.assertEqual(response.status_code, 200, "another municipality cannot be chosen")
        self.assertIn("municipality", response.context["form"].errors)
        data["municipality"] = self.aarhus.pk
        self.assertEqual(self.client.post(snippet_url(Person, "add"), data).status_code, 302)
        self.assertEqual(Person.objects.get(name="Bo Eksempel").municipality, self.aarhus)

    def test_kl_editors_edit_every_municipalitys_entries(self):
        self.client.force_login(self.kl_editor)
        for obj in (self.aarhus_person, self.odense_person):
            self.assertEqual(self.client.get(snippet_url(Person, "edit", obj.pk)).status_code, 200)
        self.assertEqual(self.client.get(snippet_url(Organisation, "delete", self.odense_museum.pk)).status_code, 200)

    def test_a_person_at_an_organisation_belongs_to_its_municipality(self):
        person = Person(name="Carl Eksempel", organisation=self.odense_museum)
        person.full_clean()
        self.assertEqual(person.municipality, self.odense)
