"""The municipality chooser finds a municipality by name or code instead of paging through 98."""

from django.contrib.auth import get_user_model
from django.test import TestCase


class MunicipalityChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("admin", "admin@example.dk", "x")

    def setUp(self):
        self.client.force_login(self.user)

    def choose(self, **params):
        response = self.client.get("/admin/snippets/choose/cms/municipality/results/", params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_chooser_has_a_search_box(self):
        response = self.client.get("/admin/snippets/choose/cms/municipality/")
        html = response.json()["html"]
        self.assertIn('name="q"', html)
        self.assertIn("Søg efter kommune eller kommunekode", html)

    def test_search_by_name_finds_only_matching_municipalities(self):
        html = self.choose(q="odense")
        self.assertIn("Odense Kommune", html)
        self.assertNotIn("Aarhus Kommune", html)

    def test_search_by_code(self):
        html = self.choose(q="751")
        self.assertIn("Aarhus Kommune", html)
        self.assertNotIn("Odense Kommune", html)

    def test_no_match_says_so(self):
        html = self.choose(q="Atlantis")
        self.assertNotIn("Kommune</a>", html)
