"""The partner chooser: search, the page's own municipality first, and a new organisation made in the modal."""

import json

from django.test import TestCase
from django.urls import reverse

from directory.factories import OrganisationFactory
from directory.models import Organisation
from strategies.tests.utils import build_tree

CHOOSE = "wagtailsnippetchoosers_directory_organisation:choose"
RESULTS = "wagtailsnippetchoosers_directory_organisation:choose_results"
CREATE = "wagtailsnippetchoosers_directory_organisation:create"


def modal_html(response):
    return json.loads(response.content)["html"]


class PartnerChooserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        # Names that sort the other municipality's organisation first alphabetically.
        cls.odense_theatre = OrganisationFactory(name="Aa-teatret Odense", municipality=cls.odense)
        cls.aarhus_library = OrganisationFactory(name="Ø-biblioteket Aarhus", municipality=cls.aarhus)

    def test_the_pages_municipality_comes_first(self):
        self.client.force_login(self.kl_editor)
        html = modal_html(self.client.get(reverse(CHOOSE), {"kommune": self.aarhus.pk, "multiple": 1}))
        self.assertLess(html.index("Ø-biblioteket Aarhus"), html.index("Aa-teatret Odense"))
        html = modal_html(self.client.get(reverse(CHOOSE), {"kommune": self.odense.pk, "multiple": 1}))
        self.assertLess(html.index("Aa-teatret Odense"), html.index("Ø-biblioteket Aarhus"))

    def test_a_municipal_editor_sees_their_own_first_without_a_parameter(self):
        self.client.force_login(self.aarhus_editor)
        html = modal_html(self.client.get(reverse(CHOOSE), {"multiple": 1}))
        self.assertLess(html.index("Ø-biblioteket Aarhus"), html.index("Aa-teatret Odense"))

    def test_search_finds_by_name_and_municipality(self):
        self.client.force_login(self.aarhus_editor)
        html = self.client.get(reverse(RESULTS), {"q": "teatret"}).content.decode()
        self.assertIn("Aa-teatret Odense", html)
        self.assertNotIn("Ø-biblioteket Aarhus", html)
        html = self.client.get(reverse(RESULTS), {"q": "aarhus"}).content.decode()
        self.assertIn("Ø-biblioteket Aarhus", html)
        self.assertNotIn("Aa-teatret Odense", html)

    def test_the_modal_offers_a_new_organisation_under_the_pages_municipality(self):
        self.client.force_login(self.kl_editor)
        html = modal_html(self.client.get(reverse(CHOOSE), {"kommune": self.odense.pk, "multiple": 1}))
        self.assertIn("Opret ny organisation", html)
        self.assertIn(f'<option value="{self.odense.pk}" selected>', html)

    def test_creating_in_the_modal_chooses_the_new_organisation(self):
        self.client.force_login(self.aarhus_editor)
        data = {"name": "Eksempel-kulturhus Aarhus", "kind": "kulturhus", "municipality": self.aarhus.pk, "website": ""}
        response = self.client.post(reverse(CREATE) + "?multiple=1", data)
        result = json.loads(response.content)
        self.assertEqual(result["step"], "chosen")
        created = Organisation.objects.get(name="Eksempel-kulturhus Aarhus")
        self.assertEqual(result["result"][0]["id"], str(created.pk))
        self.assertEqual(created.municipality, self.aarhus)

    def test_a_municipal_editor_cannot_create_for_another_municipality(self):
        self.client.force_login(self.aarhus_editor)
        data = {"name": "Eksempel-kulturhus Odense", "kind": "kulturhus", "municipality": self.odense.pk}
        result = json.loads(self.client.post(reverse(CREATE), data).content)
        self.assertEqual(result["step"], "reshow_creation_form")
        self.assertFalse(Organisation.objects.filter(name="Eksempel-kulturhus Odense").exists())

    def test_the_strategy_editor_shows_the_chooser_with_the_chosen_partners(self):
        self.aarhus_strategy.partners.add(self.aarhus_library)
        self.aarhus_strategy.save_revision()
        self.client.force_login(self.aarhus_editor)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.aarhus_strategy.pk])).content.decode()
        self.assertIn(f'data-chooser-url="{reverse(CHOOSE)}?kommune={self.aarhus.pk}"', html)
        self.assertIn(f'<input type="hidden" name="partners" value="{self.aarhus_library.pk}">', html)
        self.assertIn("Vælg partnere", html)
        self.assertNotIn('<select name="partners"', html)
