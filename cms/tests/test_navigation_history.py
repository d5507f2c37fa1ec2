"""Menus with a history: every save keeps a version, the history says who changed what, and a preview."""

from django.test import TestCase
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.factories import UserFactory
from cms.models import NavigationSettings
from cms.permissions import ensure_kl_editors_group
from cms.tests.utils import make_home_page


def menu_data(*links):
    return nested_form_data(
        {
            "main_menu": streamfield([("link", {"page": "", "url": url, "title": title}) for title, url in links]),
            "footer_links": streamfield([]),
        }
    )


class NavigationHistoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.editor = UserFactory(username="kl-nav", first_name="Karen", last_name="Redaktør")
        cls.editor.groups.add(ensure_kl_editors_group())
        cls.edit_url = reverse("wagtailsettings:edit", args=["cms", "navigationsettings", cls.home.get_site().pk])

    def setUp(self):
        self.client.force_login(self.editor)

    def test_each_save_keeps_a_version_with_who_saved_it(self):
        self.assertEqual(self.client.post(self.edit_url, menu_data(("KL", "https://www.kl.dk/"))).status_code, 302)
        self.client.post(self.edit_url, menu_data(("KL", "https://www.kl.dk/"), ("DR", "https://www.dr.dk/")))
        navigation = NavigationSettings.for_site(self.home.get_site())
        revisions = navigation.revisions.order_by("created_at", "id")
        self.assertEqual(revisions.count(), 2)
        self.assertEqual({revision.user for revision in revisions}, {self.editor})

    def test_the_history_says_what_came_went_and_moved(self):
        self.client.post(self.edit_url, menu_data(("KL", "https://www.kl.dk/"), ("DR", "https://www.dr.dk/")))
        self.client.post(self.edit_url, menu_data(("DR", "https://www.dr.dk/"), ("KL", "https://www.kl.dk/")))
        self.client.post(
            self.edit_url, menu_data(("DR", "https://www.dr.dk/"), ("Kulturministeriet", "https://kum.dk/"))
        )
        response = self.client.get(reverse("cms_navigation_history"))
        html = response.content.decode()
        self.assertContains(response, "Navigationshistorik")
        self.assertIn("Karen Redaktør", html)
        newest, middle, first = html.split('<li class="w-mb-6">')[1:4]
        self.assertIn("Tilføjet:</strong> Kulturministeriet → https://kum.dk/", newest)
        self.assertIn("Fjernet:</strong> KL → https://www.kl.dk/", newest)
        self.assertIn("Rækkefølgen er ændret.", middle)
        self.assertIn("Den første gemte version", first)

    def test_the_edit_screen_links_the_history_and_offers_a_preview(self):
        response = self.client.get(self.edit_url)
        self.assertContains(response, reverse("cms_navigation_history"))
        preview_url = reverse(
            "wagtailsettings:preview_on_edit", args=["cms", "navigationsettings", self.home.get_site().pk]
        )
        self.assertContains(response, preview_url)
        data = menu_data(("Forhåndsvist punkt", "https://www.kl.dk/"))
        self.assertEqual(self.client.post(preview_url, data).json()["is_valid"], True)
        preview = self.client.get(preview_url)
        self.assertContains(preview, "Forhåndsvist punkt")
        self.assertContains(preview, "Forhåndsvisning af navigationen")
        navigation = NavigationSettings.for_site(self.home.get_site())
        self.assertEqual(len(navigation.main_menu), 0, "a preview changes nothing on the site")

    def test_municipal_editors_cannot_see_the_history(self):
        self.client.force_login(UserFactory(username="uden-rettigheder"))
        self.assertNotEqual(self.client.get(reverse("cms_navigation_history")).status_code, 200)
