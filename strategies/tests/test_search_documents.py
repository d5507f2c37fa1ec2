"""Strategies and action plans declare what they contribute to search."""

import datetime
import zoneinfo

from django.test import TestCase

from cms.models import Theme
from search import pipeline
from search.engines import SearchRequest, get_engine
from search.models import IndexEntry
from search.text import parse_query
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

    def test_a_strategy_published_at_half_past_midnight_on_new_years_day_counts_in_that_year(self):
        new_year = datetime.datetime(2025, 1, 1, 0, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))
        self.assertEqual(new_year.astimezone(datetime.UTC).date(), datetime.date(2024, 12, 31))
        model = type(self.odense_strategy)
        model.objects.filter(pk=self.odense_strategy.pk).update(
            adopted_on=None, first_published_at=new_year, last_published_at=new_year
        )
        pipeline.index_pages([model.objects.get(pk=self.odense_strategy.pk)])
        results = get_engine().search(
            SearchRequest(
                query=parse_query(""), filters={"kind": ["strategy"], "municipality": [str(self.odense.code)]}
            )
        )
        self.assertEqual(results.total, 1)
        self.assertEqual(results.facets["year"], {"2025": 1})
        self.assertEqual(results.hits[0].date, datetime.date(2025, 1, 1))

    def test_the_index_stores_the_kind_and_no_label(self):
        entry = IndexEntry.objects.get(page_id=self.aarhus_plan.pk, key=f"page:{self.aarhus_plan.pk}")
        self.assertEqual(entry.kind, "action-plan")
        self.assertNotIn("kind_label", {field.name for field in IndexEntry._meta.get_fields()})
