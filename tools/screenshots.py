"""Screenshots of the redesigned pages at phone and laptop widths, for docs/screenshots/.

    make run                                   # the demo at http://127.0.0.1:8000, in another terminal
    .venv/bin/python -m tools.screenshots      # or: --base-url http://127.0.0.1:8714 --out /tmp/shots

Takes the home page, the municipality listing, a strategy, a meeting and a search at 375 and 1280 px wide
(the window only, 375 × 812 and 1280 × 900, not the whole page), with Debian's chromium through Playwright
and the flags the browser tests use; nothing is downloaded. Fonts are awaited before each picture.
"""

import argparse
from pathlib import Path

from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH

PAGES = {
    "home": "/",
    "listing": "/kommuner/",
    "strategy": "/kommuner/odense/strategi-for-groen-kultur/",
    "meeting": "/netvaerksmoeder/februar-2024/",
    "search": "/soeg/?q=kultur",
}
VIEWPORTS = {375: 812, 1280: 900}
DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main(argv=None):
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (a tool's dependency, loaded when it runs)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS.items():
            context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGES.items():
                response = page.goto(args.base_url.rstrip("/") + path, wait_until="load")
                if response is None or response.status != 200:
                    raise SystemExit(f"{path} answered {response and response.status}; is the demo running?")
                page.evaluate("document.fonts.ready")
                target = args.out / f"{name}-{width}.png"
                page.screenshot(path=target)
                print(f"{target.name}: {path}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
