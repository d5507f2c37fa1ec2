"""Draw the site's PNG icons from the logo mark, cms/static/cms/img/favicon.svg.

    .venv/bin/python -m tools.make_icons

Writes favicon-32.png (browsers and feed readers that do not read SVG, and /favicon.ico) and
apple-touch-icon.png (180 × 180, the mark on a full square of its own green, because iOS rounds the corners
itself and would fill transparent ones with black). Drawn by Debian's chromium through Playwright, the
browser the tests use; nothing is downloaded. Run it again whenever favicon.svg changes.
"""

import base64
from pathlib import Path

from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH

IMG = Path(__file__).resolve().parent.parent / "cms" / "static" / "cms" / "img"
FOREST = "#174a30"

# (file name, size in px, background behind the mark's rounded corners, padding in px)
ICONS = [
    ("favicon-32.png", 32, "transparent", 0),
    ("apple-touch-icon.png", 180, FOREST, 0),
]


def page_html(svg, size, background, padding):
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    inner = size - 2 * padding
    return (
        f"<!DOCTYPE html><html><body style='margin:0;background:{background}'>"
        f"<img src='{source}' width='{inner}' height='{inner}' style='display:block;margin:{padding}px'>"
        "</body></html>"
    )


def main():
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (a tool's dependency, loaded when it runs)

    svg = (IMG / "favicon.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        for name, size, background, padding in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            page.set_content(page_html(svg, size, background, padding))
            page.screenshot(path=IMG / name, omit_background=background == "transparent")
            page.close()
            print(f"{name}: {size} × {size}, {(IMG / name).stat().st_size} bytes")
        browser.close()


if __name__ == "__main__":
    main()
