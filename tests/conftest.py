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


@pytest.fixture
def demo_site(migrated_db, live_server):
    """The live test server with the demo content loaded, as `make run` shows it."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    return live_server
