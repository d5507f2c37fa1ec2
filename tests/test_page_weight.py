"""No page sends more than 60 KB of HTML gzipped on the demo content.

The home page and /kommuner/ carry the map of Denmark (51 KB gzipped each before it was slimmed, see
docs/performance.md); a municipality's page lists its strategies, plans and feed. Compressed at gzip
level 6, as Varnish stores pages.
"""

import gzip
from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from strategies.models import MunicipalityPage

LIMIT = 60 * 1024


class PageWeightTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def assert_light(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        compressed = len(gzip.compress(response.content, compresslevel=6))
        self.assertLessEqual(compressed, LIMIT, f"{path}: {compressed} bytes gzipped ({len(response.content)} raw)")

    def test_home_and_the_municipality_list_in_both_languages(self):
        for path in ("/", "/kommuner/", "/en/", "/en/kommuner/"):
            with self.subTest(path):
                self.assert_light(path)

    def test_every_municipality_page(self):
        pages = list(MunicipalityPage.objects.live().public())
        self.assertGreaterEqual(len(pages), 5)
        for page in pages:
            with self.subTest(page.title):
                self.assert_light(page.url)
