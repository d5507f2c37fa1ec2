"""Downloads as a researcher opens them: CSV for Danish Excel, JSON, the comparison, and the links to them."""

import csv
import io

from django.test import TestCase

from api.tests.utils import build_open_data


def read_csv(response):
    """The rows of a CSV download, checking it is what Danish Excel opens correctly."""
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark"
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


class DownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_open_data(cls)

    def test_strategies_csv_opens_in_danish_excel_with_every_published_strategy(self):
        response = self.client.get("/data/strategier.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn('attachment; filename="strategier.csv"', response["Content-Disposition"])
        rows = read_csv(response)
        header, body = rows[0], rows[1:]
        self.assertEqual(header[:3], ["id", "adresse", "titel"])
        titles = sorted(row[2] for row in body)
        self.assertEqual(titles, sorted([self.aarhus_strategy.title, "Odenses grønne kulturstrategi"]))
        self.assertEqual({len(row) for row in rows}, {len(header)})

    def test_actions_csv_and_json_hold_every_action_and_filter_by_municipality(self):
        rows = read_csv(self.client.get("/data/handlinger.csv"))
        header = rows[0]
        by_title = {row[header.index("titel")]: row for row in rows[1:]}
        self.assertEqual(set(by_title), {"Reparationscafé", "Frøbibliotek", "Byttemarked"})
        self.assertEqual(by_title["Byttemarked"][header.index("budget (kr.)")], "125000")
        self.assertEqual(by_title["Byttemarked"][header.index("start")], "2025-03-01")
        body = self.client.get("/data/handlinger.json", {"municipality": 101}).json()
        self.assertEqual(body["count"], 0)
        body = self.client.get("/data/handlinger.json", {"municipality": 751}).json()
        self.assertEqual(body["count"], 3)
        self.assertEqual(body["license"]["name"], "CC BY 4.0")

    def test_coverage_table_uses_a_decimal_comma(self):
        rows = read_csv(self.client.get("/data/daekning.csv"))
        total = rows[1]
        self.assertEqual(total[:4], ["i alt", "Hele landet", "98", "2"])
        self.assertEqual(total[4], "2,0")  # 2 of 98 municipalities, one decimal, Danish decimal comma
        regions = [row for row in rows if row[0] == "region"]
        self.assertEqual(len(regions), 5)
        coverage = self.client.get("/data/daekning.json").json()
        self.assertEqual(coverage["results"][0]["members_percent"], 2.0)

    def test_text_that_looks_like_a_formula_stays_text(self):
        self.aarhus_strategy.vision = '=HYPERLINK("http://example.org")'
        self.aarhus_strategy.save()
        rows = read_csv(self.client.get("/data/strategier.csv"))
        visions = [row[rows[0].index("vision")] for row in rows[1:]]
        self.assertIn('\'=HYPERLINK("http://example.org")', visions)

    def test_downloads_refuse_unknown_filters_with_a_clear_message(self):
        response = self.client.get("/data/strategier.csv", {"kommune": "aarhus"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("kommune", response.json()["detail"])
        response = self.client.get("/data/handlinger.json", {"page_size": 5})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.client.get("/data/noget.csv").status_code, 404)
        self.assertEqual(self.client.get("/data/strategier.xls").status_code, 404)

    def test_comparison_as_csv(self):
        ids = [self.aarhus_strategy.pk, self.aarhus_plan.pk]
        page = self.client.get("/kommuner/sammenlign/", {"side": ids})
        self.assertContains(page, "Hent sammenligningen som CSV")
        self.assertContains(page, f"/data/sammenligning.csv?side={ids[0]}&amp;side={ids[1]}")
        rows = read_csv(self.client.get("/data/sammenligning.csv", {"side": ids}))
        self.assertEqual(rows[0], ["", self.aarhus_strategy.title, self.aarhus_plan.title])
        labels = [row[0] for row in rows]
        self.assertIn("Handlinger i alt", labels)
        self.assertEqual(rows[labels.index("Type")][1:], ["Strategi", "Handlingsplan"])
        response = self.client.get("/data/sammenligning.csv", {"side": [ids[0]]})
        self.assertEqual(response.status_code, 400)
        self.assertIn("mindst to", response.json()["detail"])

    def test_pages_link_to_the_downloads(self):
        listing = self.client.get("/kommuner/")
        self.assertContains(listing, 'href="/data/strategier.csv"')
        self.assertContains(listing, 'href="/data/handlinger.csv"')
        self.assertContains(listing, 'href="/data/daekning.csv"')
        self.assertContains(listing, 'href="/api/"')
        self.assertContains(self.client.get("/kommuner/daekning/"), 'href="/data/daekning.csv"')
        municipality = self.client.get(self.aarhus_page.url)
        self.assertContains(municipality, 'href="/data/strategier.csv?municipality=751"')
        self.assertContains(municipality, 'href="/data/handlinger.json?municipality=751"')
        english = self.client.get("/en" + self.aarhus_page.url)
        self.assertContains(english, "Get the data")

    def test_downloads_have_validators_and_cors(self):
        response = self.client.get("/data/strategier.csv", headers={"Origin": "https://example.org"})
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        again = self.client.get("/data/strategier.csv", headers={"If-None-Match": response["ETag"]})
        self.assertEqual(again.status_code, 304)
