"""The Danish API page at /api/: it lists every endpoint, and every example on it works."""

import re
from html import unescape

from django.test import TestCase

from api.pages import EXAMPLES
from api.tests.utils import build_open_data


class ApiPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_open_data(cls)

    def test_the_page_is_danish_and_lists_every_endpoint_with_its_filters(self):
        response = self.client.get("/api/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Åbne data og API</h1>", html=True)
        self.assertContains(response, "CC BY 4.0")
        self.assertContains(response, 'href="/api/v1/openapi.json"')
        schema = self.client.get("/api/v1/openapi.json").json()
        for path in schema["paths"]:
            self.assertContains(response, f"<code>{path}</code>")
        self.assertContains(response, "<code>changed_since</code>")
        self.assertEqual(self.client.get("/en/api/").status_code, 200)

    def test_every_example_on_the_page_answers(self):
        html = self.client.get("/api/").content.decode()
        shown = [unescape(href) for href in re.findall(r'href="(/api/v1/[^"]+)"', html)]
        self.assertTrue({path for _label, path in EXAMPLES} <= set(shown))
        for path in shown:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)
        for path in re.findall(r'href="(/data/[^"]+)"', html):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)
