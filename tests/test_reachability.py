"""From the home page a visitor reaches every theme and every published item in at most three clicks."""

from html.parser import HTMLParser
from io import StringIO
from urllib.parse import unquote, urldefrag, urlsplit

from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from wagtail.models import Page

from cms.models import Theme
from cms.tests.feed_validation import atom_errors, rss_errors
from tests.validity import vnu_errors


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)


def internal_paths(html):
    parser = LinkParser()
    parser.feed(html)
    paths = set()
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(("/admin/", "/django-admin/", "/documents/", "/media/", "/static/")):
            continue
        if parts.path.endswith((".ics", "/rss/", "/atom/")):
            continue
        paths.add(unquote(parts.path) + (f"?{parts.query}" if parts.query else ""))
    return paths


class ReachabilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def crawl(self, depth, start="/", pages=None):
        """Follow internal links `depth` clicks from `start`; `pages` (a dict) collects path → HTML."""
        seen = {start: 0}
        frontier = [start]
        self.broken = []
        for level in range(1, depth + 1):
            next_frontier = []
            for path in frontier:
                response = self.client.get(path)
                if response.status_code != 200:
                    self.broken.append((path, response.status_code))
                    continue
                if "text/html" not in response.get("Content-Type", ""):
                    continue
                if pages is not None:
                    pages[path] = response.content.decode()
                for link in internal_paths(response.content.decode()):
                    if link not in seen:
                        seen[link] = level
                        next_frontier.append(link)
            frontier = next_frontier
        return seen

    def test_every_theme_and_every_published_item_is_within_three_clicks(self):
        reached = {path.split("?")[0] for path in self.crawl(depth=3) if not path.startswith("/en/")}
        from cases.models import CasePage, ConferencePage, MeetingPage, WorkshopOutputPage
        from strategies.models import ActionPlanPage, MunicipalityPage, StrategyPage

        items = (
            Page.objects.live()
            .public()
            .type(
                StrategyPage,
                ActionPlanPage,
                MunicipalityPage,
                CasePage,
                WorkshopOutputPage,
                MeetingPage,
                ConferencePage,
            )
        )
        self.assertGreater(items.count(), 40)
        with translation.override("da"):  # the crawl's last request may have been an English page
            missing_pages = [page.url for page in items if unquote(page.url) not in reached]
        self.assertEqual(missing_pages, [])
        missing_themes = [theme.slug for theme in Theme.objects.all() if f"/temaer/{theme.slug}/" not in reached]
        self.assertEqual(missing_themes, [])

    def test_no_link_on_the_site_is_broken_in_either_language(self):
        for start in ("/", "/en/"):
            with self.subTest(start=start):
                self.crawl(depth=3, start=start)
                self.maxDiff = None
                self.assertEqual(self.broken, [])

    def test_every_page_the_crawl_reaches_is_valid_html_and_every_feed_is_valid(self):
        import tempfile
        from pathlib import Path

        pages = {}
        for start in ("/", "/en/"):
            self.crawl(depth=3, start=start, pages=pages)
        self.assertGreater(len(pages), 100)
        # Pages only a form leads to: search results in both languages.
        for path in ("/soeg/?q=kultur", "/en/soeg/?q=kultur"):
            pages[path] = self.client.get(path).content.decode()
        feeds = set()
        with tempfile.TemporaryDirectory() as directory:
            for number, (path, html) in enumerate(sorted(pages.items())):
                name = f"{number:04d}{path.replace('/', '_').replace('?', '_')[:80]}.html"
                Path(directory, name).write_text(html, encoding="utf-8")
                feeds.update(link for link in _feed_links(html))
            errors = vnu_errors(directory)
        self.maxDiff = None
        self.assertEqual(errors, [])
        self.assertGreater(len(feeds), 5)
        for feed in sorted(feeds):
            with self.subTest(feed=feed):
                response = self.client.get(feed)
                self.assertEqual(response.status_code, 200)
                check = atom_errors if feed.endswith("/atom/") else rss_errors
                self.assertEqual(check(response.content), [])


def _feed_links(html):
    parser = LinkParser()
    parser.feed(html)
    for href in parser.links:
        path = urlsplit(href).path
        if path.startswith("/") and path.endswith(("/rss/", "/atom/")):
            yield path
