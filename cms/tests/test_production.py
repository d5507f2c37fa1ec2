"""What production relies on, in one process: the degrading Redis cache, Cache-Control, the purge
on publish, 503 while the database is down, and JSON logs."""

import json
import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

from django.db import OperationalError
from django.test import SimpleTestCase, TestCase, override_settings

from wagtail.models import Page, PageViewRestriction

from cms.cache import DegradingRedisCache
from cms.factories import StandardPageFactory
from cms.logging import JsonFormatter
from cms.models import Municipality, Region, Theme
from cms.tests.utils import make_home_page


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache(url):
    return DegradingRedisCache(url, {"OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}})


class SilentListener:
    """Accepts connections and never answers, like a hung Redis."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.sock.accept()[0])
            except OSError:
                return

    def close(self):
        self.sock.close()
        for connection in self.held:
            connection.close()


class DegradingRedisCacheTests(SimpleTestCase):
    def assert_answers_as_empty(self, cache):
        with self.assertLogs("cms.cache", "WARNING") as logs:
            self.assertIsNone(cache.get("key"))
            self.assertEqual(cache.get("key", "default"), "default")
            cache.set("key", "value")
            self.assertEqual(cache.get_many(["a", "b"]), {})
            self.assertEqual(cache.get_or_set("key", "computed"), "computed")
            with self.assertRaises(ValueError):
                cache.incr("counter")
            cache.delete("key")
        # One warning, not one per call.
        self.assertEqual(len(logs.records), 1)
        self.assertIn("Redis cache unavailable", logs.output[0])
        self.assertFalse(cache.ping())

    def test_a_closed_port_answers_as_an_empty_cache(self):
        self.assert_answers_as_empty(redis_cache(f"redis://127.0.0.1:{free_port()}/0"))

    def test_a_silent_redis_answers_as_an_empty_cache_without_waiting_on_every_call(self):
        listener = SilentListener()
        self.addCleanup(listener.close)
        cache = redis_cache(f"redis://127.0.0.1:{listener.port}/0")
        self.assert_answers_as_empty(cache)
        # After the first timeout the cache is left alone for a while instead of waiting again.
        self.assertFalse(cache.available)

    def test_it_works_with_redis_and_comes_back_after_an_outage(self):
        binary = shutil.which("redis-server")
        self.assertIsNotNone(binary, "redis-server (Debian's redis-server package) is needed")
        port = free_port()

        def start():
            process = subprocess.Popen(  # noqa: S603 - a fixed command
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
            self.addCleanup(process.kill)
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    return process
                except OSError:
                    time.sleep(0.05)
            raise AssertionError("redis-server did not start")

        server = start()
        cache = redis_cache(f"redis://127.0.0.1:{port}/0")
        cache.RETRY_AFTER = 0
        cache.set("key", "value")
        self.assertEqual(cache.get("key"), "value")
        self.assertTrue(cache.ping())

        server.kill()
        server.wait()
        with self.assertLogs("cms.cache", "WARNING"):
            self.assertIsNone(cache.get("key"))

        start()
        with self.assertLogs("cms.cache", "WARNING") as logs:
            cache.set("key", "again")
        self.assertIn("available again", logs.output[0])
        self.assertEqual(cache.get("key"), "again")


class CacheControlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.page = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")

    def test_anonymous_pages_are_public_for_a_while(self):
        for path in ("/", "/om-netvaerket/", "/en/om-netvaerket/", "/sitemap.xml"):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            self.assertIn("public", response["Cache-Control"])
            self.assertIn("s-maxage=3600", response["Cache-Control"])
            self.assertIn("max-age=60", response["Cache-Control"])

    def test_search_is_cached_only_briefly(self):
        response = self.client.get("/soeg/", {"q": "kultur"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("s-maxage=30", response["Cache-Control"])
        self.assertNotIn("no-store", response["Cache-Control"])

    def test_editors_the_admin_and_responses_with_cookies_are_private(self):
        response = self.client.get("/admin/login/")
        self.assertIn("private", response["Cache-Control"])
        self.client.force_login(self.make_editor())
        response = self.client.get("/om-netvaerket/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_restricted_pages_are_private(self):
        PageViewRestriction.objects.create(page=self.page, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get("/om-netvaerket/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("private", response["Cache-Control"])
        PageViewRestriction.objects.filter(page=self.page).update(
            restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt"
        )
        response = self.client.get("/om-netvaerket/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("private", response["Cache-Control"])

    def make_editor(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser("redaktoer", "r@example.dk", "kodeord")


class DatabaseDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()

    def test_pages_answer_503_with_retry_after_in_danish(self):
        self.client.raise_request_exception = False
        with (
            mock.patch("wagtail.models.Site.find_for_request", side_effect=OperationalError("connection refused")),
            self.assertLogs("django.request", "ERROR"),
        ):
            response = self.client.get("/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        self.assertContains(response, "Siden er midlertidigt utilgængelig", status_code=503)
        self.assertIn("no-store", response["Cache-Control"])

    def test_other_errors_stay_500(self):
        self.client.raise_request_exception = False
        with (
            mock.patch("wagtail.models.Site.find_for_request", side_effect=RuntimeError("a bug")),
            self.assertLogs("django.request", "ERROR"),
        ):
            response = self.client.get("/")
        self.assertEqual(response.status_code, 500)


class RecordingCache(BaseHTTPRequestHandler):
    """A stand-in for Varnish's purge interface that records what it is asked (a real HTTP server)."""

    requests = []

    def _record(self):
        self.requests.append((self.command, self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    do_PURGE = do_BAN = _record  # noqa: N815 - http.server's method names

    def log_message(self, *args):
        pass


class PurgeTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingCache)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        location = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.cache_settings = override_settings(
            WAGTAILFRONTENDCACHE={"varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": location}}
        )
        cls.cache_settings.enable()
        cls.addClassCleanup(cls.cache_settings.disable)

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.page = StandardPageFactory(parent=cls.home, title="Om netværket", slug="om-netvaerket")

    def setUp(self):
        RecordingCache.requests.clear()

    def bans(self):
        return [request for request in RecordingCache.requests if request[0] == "BAN"]

    def test_publishing_bans_the_site_once_after_commit(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            self.page.title = "Om netværket og os"
            self.page.save_revision().publish()
            self.assertEqual(self.bans(), [], "nothing is purged before the transaction commits")
        self.assertEqual(len(callbacks), 1)
        self.assertEqual(len(self.bans()), 1)
        # Wagtail's own handler purges the page's address as well.
        self.assertIn("/om-netvaerket/", [path for method, _host, path in RecordingCache.requests if method == "PURGE"])

    def assert_one_ban(self, change):
        with self.captureOnCommitCallbacks(execute=True):
            change()
        self.assertEqual(len(self.bans()), 1)

    def test_unpublishing_bans(self):
        self.assert_one_ban(self.page.unpublish)

    def test_moving_bans(self):
        other = StandardPageFactory(parent=self.home, title="Medlemskab", slug="medlemskab")
        self.assert_one_ban(lambda: self.page.move(other, pos="last-child"))

    def test_a_privacy_change_bans(self):
        self.assert_one_ban(
            lambda: PageViewRestriction.objects.create(page=self.page, restriction_type=PageViewRestriction.LOGIN)
        )

    def test_deleting_bans(self):
        self.assert_one_ban(lambda: Page.objects.get(pk=self.page.pk).delete())

    def test_edits_shown_on_many_pages_ban(self):
        with self.captureOnCommitCallbacks(execute=True):
            theme = Theme.objects.create(name="Nyt tema")
            theme.name = "Nyt tema, nyt navn"
            theme.save()
        self.assertEqual(len(self.bans()), 1, "one ban per transaction")
        RecordingCache.requests.clear()
        with self.captureOnCommitCallbacks(execute=True):
            region = Region.objects.create(code=9999, name="Testregion", slug="testregion")
            Municipality.objects.create(code=9999, name="Test Kommune", short_name="Test", slug="test", region=region)
        self.assertEqual(len(self.bans()), 1)

    def test_site_settings_and_navigation_ban(self):
        from cms.models import NavigationSettings, SiteSettings

        for model in (SiteSettings, NavigationSettings):
            RecordingCache.requests.clear()
            with self.captureOnCommitCallbacks(execute=True):
                model.for_site(self.home.get_site()).save()
            self.assertEqual(len(self.bans()), 1, model)

    def test_a_draft_does_not_purge(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.page.title = "Et udkast"
            self.page.save_revision()
        self.assertEqual(RecordingCache.requests, [])

    def test_an_unreachable_cache_is_logged_and_the_publish_goes_through(self):
        unreachable = {
            "varnish": {"BACKEND": "cms.frontend_cache.VarnishBackend", "LOCATION": f"http://127.0.0.1:{free_port()}"}
        }
        with (
            override_settings(WAGTAILFRONTENDCACHE=unreachable),
            self.captureOnCommitCallbacks(execute=True),
            self.assertLogs("wagtail.frontendcache", "ERROR"),
        ):
            self.page.save_revision().publish()
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)


class JsonLogTests(SimpleTestCase):
    def test_one_json_object_a_line(self):
        record = logging.LogRecord("cms.cache", logging.WARNING, __file__, 1, "Redis %s", ("nede",), None)
        line = JsonFormatter().format(record)
        self.assertNotIn("\n", line)
        entry = json.loads(line)
        self.assertEqual(entry["level"], "WARNING")
        self.assertEqual(entry["logger"], "cms.cache")
        self.assertEqual(entry["message"], "Redis nede")
        self.assertIn("timestamp", entry)

    def test_exceptions_are_kept(self):
        try:
            raise ValueError("forkert")
        except ValueError:
            record = logging.LogRecord("x", logging.ERROR, __file__, 1, "fejl", (), sys.exc_info())
        entry = json.loads(JsonFormatter().format(record))
        self.assertIn("ValueError: forkert", entry["exception"])
