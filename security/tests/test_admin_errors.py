"""Finding 9: errors in the admin (person search, region and theme deletion)."""

from django.test import TestCase

from cms.factories import StandardPageFactory, ThemeFactory
from cms.models import Region, Theme
from cms.tests.utils import make_home_page
from directory.models import Person

from .utils import make_kl_editor


class AdminErrorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.editor = make_kl_editor()
        Person.objects.create(name="Ida Jensen", organisation_name="Aarhus Universitet")
        Person.objects.create(name="Ole Hansen", job_title="Bibliotekar")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_person_listing_search_answers(self):
        # The person snippet lives in cms today; the directory app takes it over (same URL pattern).
        response = self.client.get("/admin/snippets/directory/person/", {"q": "Ida"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ida Jensen")
        self.assertNotContains(response, "Ole Hansen")

    def test_region_in_use_is_refused_with_a_message(self):
        region = Region.objects.filter(municipalities__isnull=False).first()
        url = f"/admin/snippets/cms/region/delete/{region.pk}/"
        response = self.client.get(url, follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "kan ikke slettes")
        response = self.client.post(url, follow=True)
        self.assertContains(response, "kan ikke slettes")
        self.assertTrue(Region.objects.filter(pk=region.pk).exists())

    def test_theme_in_use_is_refused_and_pages_keep_it(self):
        theme = ThemeFactory(name="grøn dannelse")
        page = StandardPageFactory(parent=self.home, title="Side om dannelse")
        page.themes.add(theme)
        page.save_revision().publish()
        url = f"/admin/snippets/cms/theme/delete/{theme.pk}/"
        response = self.client.post(url, follow=True)
        self.assertContains(response, "kan ikke slettes")
        self.assertTrue(Theme.objects.filter(pk=theme.pk).exists())
        self.assertEqual(list(page.specific_class.objects.get(pk=page.pk).themes.all()), [theme])

    def test_an_unused_theme_can_be_deleted(self):
        theme = ThemeFactory(name="ubrugt tema")
        url = f"/admin/snippets/cms/theme/delete/{theme.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url)
        self.assertFalse(Theme.objects.filter(pk=theme.pk).exists())


class DirectorySearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.editor = make_kl_editor()
        Person.objects.create(name="Ida Jensen", organisation_name="Aarhus Universitet")

    def test_person_search_by_free_text_organisation(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/snippets/directory/person/", {"q": "Universitet"})
        self.assertContains(response, "Ida Jensen")

    def test_organisation_listing_search_answers(self):
        from directory.models import Organisation

        Organisation.objects.create(name="Godsbanen", description="Kulturproduktionscenter")
        self.client.force_login(self.editor)
        response = self.client.get("/admin/snippets/directory/organisation/", {"q": "Godsbanen"})
        self.assertContains(response, "Godsbanen")
