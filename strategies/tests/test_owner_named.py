"""Wherever a strategy or action plan is listed, visitors see whose it is: titles repeat across municipalities."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from .utils import build_tree


class OwnerNamedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        # Two municipalities with the same title, as the demo (and real life) has.
        for strategy in (cls.aarhus_strategy, cls.odense_strategy):
            strategy.title = "Strategi for grøn kultur 2026–2030"
            strategy.save_revision().publish()

    def test_feed_items_name_the_municipality(self):
        feed = ET.fromstring(self.client.get("/feed/strategier/rss/").content)
        titles = [item.findtext("title") for item in feed.iter("item")]
        self.assertIn("Strategi for grøn kultur 2026–2030 – Aarhus Kommune", titles)
        self.assertIn("Strategi for grøn kultur 2026–2030 – Odense Kommune", titles)
        self.assertTrue(any(t.startswith(self.aarhus_plan.title) and t.endswith("Aarhus Kommune") for t in titles))

    def test_comparison_headers_name_the_municipality(self):
        response = self.client.get(
            "/kommuner/sammenlign/", {"side": [self.aarhus_strategy.pk, self.odense_strategy.pk]}
        )
        self.assertContains(response, '<span class="comparison__owner">Aarhus Kommune</span>', html=False)
        self.assertContains(response, '<span class="comparison__owner">Odense Kommune</span>', html=False)

    def test_cards_name_the_municipality(self):
        from django.template.loader import render_to_string

        html = render_to_string("components/item_card.html", {"item": self.aarhus_strategy.specific, "kind": "x"})
        self.assertIn('<p class="card__meta">Aarhus Kommune</p>', html)
        html = render_to_string("components/item_card.html", {"item": self.aarhus_plan.specific, "kind": "x"})
        self.assertIn('<p class="card__meta">Aarhus Kommune</p>', html)


class FeedValidityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_atom_and_rss_feeds_have_every_required_element(self):
        from cms.tests.feed_validation import atom_errors, rss_errors

        for route in ("/feed/strategier/", f"/feed/kommune/{self.aarhus_page.slug}/"):
            with self.subTest(route=route):
                atom = self.client.get(route + "atom/")
                self.assertEqual(atom.status_code, 200)
                self.assertEqual(atom_errors(atom.content), [])
                self.assertIn(b"<author><name>", atom.content)
                rss = self.client.get(route + "rss/")
                self.assertEqual(rss_errors(rss.content), [])
