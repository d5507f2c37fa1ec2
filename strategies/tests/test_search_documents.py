"""Strategies and action plans declare what they contribute to search."""

from django.test import TestCase

from cms.models import Theme
from strategies.models import Action
from strategies.tests.utils import build_tree, publish


class SearchDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.theme = Theme.objects.get(slug="grøn-dannelse")
        cls.aarhus_strategy.themes.add(cls.theme)
        cls.aarhus_strategy.vision = "Kulturen som grøn drivkraft"
        publish(cls.aarhus_strategy)
        action = Action.objects.get(title="Frøbibliotek")
        action.description = "Biblioteket låner frø ud."
        action.indicator = "Antal frøposer"
        action.themes.add(Theme.objects.get(slug="samskabelse"))
        action.save()

    def test_strategy_yields_one_document_with_its_facets(self):
        strategy = type(self.aarhus_strategy).objects.get(pk=self.aarhus_strategy.pk)
        (document,) = list(strategy.search_documents())
        self.assertEqual(document.key, f"page:{strategy.pk}")
        self.assertEqual(document.page_id, strategy.pk)
        self.assertEqual(document.kind, "strategy")
        self.assertEqual(document.kind_label, "Strategi")
        self.assertEqual(document.url, "/kommuner/aarhus/" + strategy.slug + "/")
        self.assertIn("Kulturen som grøn drivkraft", document.body)
        self.assertEqual(document.themes, ["grøn-dannelse"])
        self.assertEqual(document.municipalities, [751])
        self.assertEqual(document.regions, [self.aarhus.region.code])
        self.assertIsNotNone(document.date)

    def test_action_plan_yields_itself_and_one_document_per_action_with_its_anchor(self):
        plan = type(self.aarhus_plan).objects.get(pk=self.aarhus_plan.pk)
        documents = list(plan.search_documents())
        self.assertEqual(len(documents), 1 + plan.actions.count())
        self.assertEqual(documents[0].kind, "action-plan")
        action = Action.objects.get(title="Frøbibliotek")
        action_document = next(d for d in documents if d.title == "Frøbibliotek")
        self.assertEqual(action_document.key, f"page:{plan.pk}:action:{action.pk}")
        self.assertEqual(action_document.url, f"{plan.url}#handling-{action.pk}")
        self.assertEqual(action_document.kind, "action")
        self.assertIn("Antal frøposer", action_document.body)
        self.assertEqual(action_document.themes, ["samskabelse"])
        self.assertEqual(action_document.municipalities, [751])
        self.assertIn("Frøbibliotek", documents[0].body)
