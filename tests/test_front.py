"""The production front as visitors and editors meet it: nginx → Varnish → gunicorn → PostgreSQL.

One stack for the module (deploy/stack.py) on a throw-away PostgreSQL cluster this module creates
in a temporary directory and removes afterwards, with the demo content. Debian's nginx and
varnish come from .ci/ensure-front (run by `make test`; the fixture runs it too).
"""

import contextlib
import gzip
import http.client
import json
import re
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest

from deploy.stack import PROJECT_DIR, Stack, TempPostgres, free_port

pytestmark = pytest.mark.front

EDITOR = ("front-editor", "front-editor-password-1")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None, data=None, method=None, timeout=30):
    """(status, headers, body text) without following redirects or raising on errors."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)  # noqa: S310
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def cookies_from(headers):
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


@pytest.fixture(scope="module")
def cluster():
    subprocess.run([str(PROJECT_DIR / ".ci" / "ensure-front")], check=True)  # noqa: S603
    postgres = TempPostgres().init().start()
    yield postgres
    postgres.destroy()


@pytest.fixture(scope="module")
def front(cluster, tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("front"), cluster.createdb("gronne_front"), workers=2)
    stack.prepare()
    # One Python start for both: an editor to log in with, and the addresses to visit.
    output = stack.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; from django.core.management import call_command; "
        f"get_user_model().objects.create_superuser({EDITOR[0]!r}, 'front@example.dk', {EDITOR[1]!r}); "
        "call_command('front_urls')",
    ).stdout
    stack.urls = json.loads(output.strip().splitlines()[-1])
    stack.start()
    yield stack
    stack.stop()


def publish_new_title(stack, page_id, title):
    stack.manage(
        "shell",
        "-c",
        "from wagtail.models import Page; "
        f"page = Page.objects.get(pk={page_id}).specific; page.title = {title!r}; page.save_revision().publish()",
    )


def test_renditions_are_served_but_originals_and_documents_are_not(front):
    status, _headers, home = fetch(front.url + "/")
    assert status == 200
    rendition = re.search(r'/media/images/[^"\s]+', home).group(0)
    status, headers, _body = fetch(front.url + rendition)
    assert status == 200
    assert headers["Content-Type"].startswith("image/")

    originals = sorted((Path(front.env["MEDIA_ROOT"]) / "original_images").iterdir())
    assert originals, "the demo has original images on disk"
    assert fetch(front.url + "/media/original_images/" + quote(originals[0].name))[0] == 404

    document_file = Path(front.env["MEDIA_ROOT"]) / front.urls["document_file"].removeprefix("/media/")
    assert document_file.exists()
    assert fetch(front.url + front.urls["document_file"])[0] == 404
    # …but the same document through Wagtail's serve view, which applies privacy rules.
    status, headers, _body = fetch(front.url + front.urls["document"])
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"


def test_static_files_are_compressed_and_kept_long(front):
    status, headers, _body = fetch(front.url + front.urls["static"], headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def fetch_bytes(url, headers=None):
    """(status, headers, body bytes as sent: still compressed when the front compressed them)."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    with OPENER.open(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def test_html_is_compressed_and_varies_on_accept_encoding(front):
    """Pages arrive gzip-compressed, from the page cache as well as fresh from the application, marked
    `Vary: Accept-Encoding`; a client that takes no gzip gets the same page uncompressed."""
    url = front.url + "/kommuner/"
    fetch(url)
    status, headers, body = fetch_bytes(url, {"Accept-Encoding": "gzip"})
    assert (status, headers["X-Cache"], headers["Content-Encoding"]) == (200, "HIT", "gzip")
    assert "accept-encoding" in headers["Vary"].lower()
    html = gzip.decompress(body)
    assert b'<svg class="denmark-map__svg"' in html
    assert len(body) < 60 * 1024, "the page is under 60 KB compressed (tests/test_page_weight.py measures it)"

    status, headers, plain = fetch_bytes(url, {"Accept-Encoding": "identity"})
    assert (status, headers.get("Content-Encoding")) == (200, None)
    assert plain == html

    # A page the cache may not keep (a form) is compressed on its way out by nginx.
    status, headers, body = fetch_bytes(front.url + "/deltag/medlemskab/", {"Accept-Encoding": "gzip"})
    assert (status, headers["X-Cache"], headers["Content-Encoding"]) == (200, "PASS", "gzip")
    assert "accept-encoding" in headers["Vary"].lower()
    assert b"<form" in gzip.decompress(body)


def test_an_oversized_upload_is_refused_with_413(front):
    parts = urlsplit(front.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("POST", "/admin/images/multiple/add/")
    connection.putheader("Content-Type", "application/octet-stream")
    connection.putheader("Content-Length", str(30 * 1024 * 1024))
    connection.endheaders()
    with contextlib.suppress(OSError):  # nginx may close the connection before reading the body
        connection.send(b"\0" * 65536)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    assert response.status == 413
    assert "Filen er for stor" in body


def test_a_page_comes_from_the_cache_and_a_publish_purges_it_in_both_languages(front):
    path = front.urls["standard_page"]
    for prefix in ("", "/en"):
        fetch(front.url + prefix + path)
        status, headers, _body = fetch(front.url + prefix + path)
        assert status == 200
        assert headers["X-Cache"] == "HIT"
        assert "s-maxage" in headers["Cache-Control"]
    # The home page lists pages too; it is purged with them.
    fetch(front.url + "/")
    assert fetch(front.url + "/")[1]["X-Cache"] == "HIT"

    publish_new_title(front, front.urls["standard_page_id"], "Om netværket, nu med ny titel")

    for prefix in ("", "/en"):
        status, headers, body = fetch(front.url + prefix + path)
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "Om netværket, nu med ny titel" in body
    assert fetch(front.url + "/")[1]["X-Cache"] == "MISS"


def editor_session(front):
    status, headers, body = fetch(front.url + "/admin/login/")
    assert status == 200
    csrf = cookies_from(headers)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    status, headers, _body = fetch(
        front.url + "/admin/login/",
        data=urlencode({"username": EDITOR[0], "password": EDITOR[1], "csrfmiddlewaretoken": token}).encode(),
        headers={"Cookie": f"csrftoken={csrf}", "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 302, "the editor is logged in"
    return {"Cookie": f"csrftoken={csrf}; sessionid={cookies_from(headers)['sessionid']}"}


def test_an_editor_is_neither_served_from_nor_stored_in_the_cache(front):
    editor = editor_session(front)
    path = front.urls["strategy"]
    # A page in the cache for visitors…
    fetch(front.url + path)
    assert fetch(front.url + path)[1]["X-Cache"] == "HIT"
    # …is rendered for the editor, with the editor's toolbar, and not kept.
    status, headers, body = fetch(front.url + path, headers=editor)
    assert status == 200
    assert headers["X-Cache"] == "PASS"
    assert "private" in headers["Cache-Control"]
    assert "wagtail-userbar" in body
    status, headers, body = fetch(front.url + path)
    assert headers["X-Cache"] == "HIT"
    assert "wagtail-userbar" not in body

    # A page the editor sees first is not stored with the editor's toolbar either.
    path = front.urls["action_plan"]
    assert "wagtail-userbar" in fetch(front.url + path, headers=editor)[2]
    status, headers, body = fetch(front.url + path)
    assert headers["X-Cache"] == "MISS"
    assert "wagtail-userbar" not in body


def test_the_admin_is_never_cached(front):
    editor = editor_session(front)
    for _ in range(2):
        status, headers, _body = fetch(front.url + "/admin/", headers=editor)
        # 200, or 302 to the second-factor set-up that production requires of this editor.
        assert status in (200, 302)
        assert headers["X-Cache"] == "PASS"
        assert "private" in headers["Cache-Control"]


class SilentListener:
    """A TCP port that accepts connections and never answers (a hung Redis)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture(params=["closed port", "silent listener"])
def broken_redis(request):
    if request.param == "closed port":
        yield f"redis://127.0.0.1:{free_port()}/0"
        return
    listener = SilentListener()
    yield f"redis://127.0.0.1:{listener.port}/0"
    listener.close()


def test_pages_answer_without_redis(front, broken_redis):
    """An application server whose Redis is closed or silent serves every page as with an empty cache."""
    port = free_port()
    front.start_app(name="gunicorn-broken-redis", port=port, env={"REDIS_URL": broken_redis, "WEB_CONCURRENCY": "1"})
    try:
        app = f"http://127.0.0.1:{port}"
        pages = ("home", "municipalities", "strategy", "theme", "search", "feed")
        # The new worker's first visit to each page compiles its templates; that is not Redis.
        for key in pages:
            assert fetch(app + front.urls[key])[0] == 200, key
        for key in pages:
            # Each cache call waits at most half a second and a failure pauses the calls, so a
            # page answers within about a second (a hanging Redis used to cost 30 s and a 500).
            status, _headers, _body = fetch(app + front.urls[key], timeout=1.5)
            assert status == 200, key
        status, _headers, body = fetch(app + "/healthz/")
        assert status == 200
        assert json.loads(body) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    finally:
        front.processes.stop("gunicorn-broken-redis")


def test_database_down_gives_503_with_retry_after_and_recovers(front, cluster):
    cached = front.urls["municipalities"]
    fetch(front.url + cached)
    assert fetch(front.url + cached)[1]["X-Cache"] == "HIT"

    cluster.stop()
    try:
        status, headers, body = fetch(front.url + front.urls["meeting"])
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "Siden er midlertidigt utilgængelig" in body
        assert '<html lang="da"' in body
        assert fetch(front.url + "/healthz/")[0] == 503
        # What the front holds keeps being served.
        status, headers, _body = fetch(front.url + cached)
        assert (status, headers["X-Cache"]) == (200, "HIT")
        assert fetch(front.url + front.urls["static"])[0] == 200
    finally:
        cluster.start()

    # Back by itself, no restart of the application.
    assert fetch(front.url + front.urls["meeting"])[0] == 200
    assert fetch(front.url + "/healthz/")[0] == 200
