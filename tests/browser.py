"""Playwright helpers shared by every app's browser tests."""

import os

# Playwright's sync API runs an event loop in the test thread; the Django ORM calls the tests
# make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """axe-core's WCAG 2.1 A and AA violations on the page as shown now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    if violations:
        lines = [f"axe-core found WCAG 2.1 A/AA violations on {page.url}:"]
        for violation in violations:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        raise AssertionError("\n".join(lines))


def assert_no_console_errors(page):
    assert page.console_errors == [], f"Console errors on {page.url}: {page.console_errors}"
