"""Browser fixtures: Playwright driving Debian's chromium against the live test server."""

import os

import pytest

from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM_PATH):
        pytest.fail(
            f"No chromium at {CHROMIUM_PATH}. The browser tests need Debian's chromium "
            "(`make test` installs it as root, or run `apt-get install chromium`)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab that records console errors and failed requests to the site."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def demo_state(migrated_state, django_db_blocker):
    """The database with load_demo's content, serialized once per session.

    Built from the migrated state inside a transaction that is rolled back, so the database is left
    exactly as it was; each `demo_site` test then restores this copy instead of running load_demo again.
    """
    from io import StringIO

    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection, transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(migrated_state)
        # The flush reset PostgreSQL's sequences and the copy brought explicit ids: move each sequence
        # past them, or load_demo's first new row would take id 1 again (SQLite needs nothing).
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
                cursor.execute(statement)
        call_command("load_demo", stdout=StringIO())
        state = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return state


@pytest.fixture
def _restore_demo_state(demo_state):
    from django.db import connections

    connections["default"]._test_serialized_contents = demo_state


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper of the same name, with the demo copy put on the connection first.

    The original sets up the database (`transactional_db`, which restores the serialized copy the
    connection holds) before any fixture of the test runs, so `demo_site`'s copy came too late: the
    session's first browser test got the migrated database with Wagtail's welcome page (no icon link,
    so Chromium asked for /favicon.ico). This one puts the demo copy there before the database is set up.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    if "demo_site" in request.fixturenames:
        request.getfixturevalue("_restore_demo_state")
    request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def demo_site(_restore_demo_state, django_db_serialized_rollback, transactional_db, live_server):
    """The live test server with the demo content loaded, as `make run` shows it.

    The content comes from `demo_state` (one load_demo per session), restored by Django's serialized
    rollback. Only the search index is rebuilt per test, because SQLite's full-text table is not a model
    and so is not in the serialized copy.
    """
    from io import StringIO

    from cms.demo.base import DemoReport
    from search import demo as search_demo

    search_demo.load(DemoReport(StringIO()))
    return live_server
