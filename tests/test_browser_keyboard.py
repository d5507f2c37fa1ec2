"""Keyboard use, checked for real: Tab goes through every control of the home page and the search filters in the
order they stand on the page, reaches each one, and each shows a focus indicator with at least 3:1 contrast against
what is behind it (WCAG 2.4.3, 2.4.7, 2.1.1; 1.4.11 for the indicator). The accessibility statement cites this."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Every control Tab should reach: what is focusable, shown, and not taken out of the order with tabindex=-1.
TABBABLE = (
    'a[href]:not([tabindex="-1"]), button:not([disabled]):not([tabindex="-1"]), '
    'input:not([type=hidden]):not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea, '
    'summary, [tabindex="0"]'
)

# What the focused element looks like: its place in the document, its focus ring (outline and box-shadow) or, for
# the map's SVG links, the stroke drawn round the municipality, and the colour behind it.
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const all = Array.from(document.querySelectorAll('*'));
  const style = getComputedStyle(el);
  let behind = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') { behind = colour; break; }
  }
  const path = el instanceof SVGElement ? el.querySelector('path') : null;
  return {
    index: all.indexOf(el),
    label: (el.getAttribute('aria-label') || el.textContent || el.name || el.tagName).trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), outlineColor: style.outlineColor,
    boxShadow: style.boxShadow, behind: behind,
    svgStroke: path ? getComputedStyle(path).stroke : null,
    svgStrokeWidth: path ? parseFloat(getComputedStyle(path).strokeWidth) : 0,
  };
}"""

EXPECTED = f"""() => Array.from(document.querySelectorAll('{TABBABLE}'))
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('[inert], details:not([open]) > :not(summary)')
    // A group of radio buttons is one stop: Tab reaches the checked one, the arrow keys the others.
    && !(el.type === 'radio' && !el.checked
      && el.form && el.form.querySelector('input[name="' + el.name + '"]:checked')))
  .map(el => Array.from(document.querySelectorAll('*')).indexOf(el))"""


def rgb(css_colour):
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
    return red, green, blue


def contrast(first, second):
    def luminance(colour):
        linear = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(rgb(first)), luminance(rgb(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def indicator_problem(focus):
    """Why the focused element's indicator is not visible enough, or None when it is."""
    colours = []
    if focus["outlineStyle"] not in ("none", "hidden") and focus["outlineWidth"] >= 2:
        colours.append(focus["outlineColor"])
    if focus["boxShadow"] not in ("none", ""):
        colours.append(re.search(r"rgba?\([^)]*\)", focus["boxShadow"]).group(0))
    if focus["svgStroke"] and focus["svgStrokeWidth"] >= 2:
        colours.append(focus["svgStroke"])
    if not colours:
        return "no focus indicator (no outline of 2 px or more, no ring, no stroke)"
    best = max(contrast(colour, focus["behind"]) for colour in colours)
    if best < 3:
        return f"indicator contrast {best:.2f}:1 against {focus['behind']}"
    return None


def tab_through(page, limit=400):
    """Press Tab from the top of the page until focus leaves the document; what was focused, in order."""
    focused = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        if focus is None or (focused and focus["index"] == focused[0]["index"]):
            return focused
        focused.append(focus)
    raise AssertionError(f"Tab never left the page after {limit} presses")


def assert_keyboard_order_and_focus(page, first_label):
    focused = tab_through(page)
    assert focused[0]["label"] == first_label, "the first Tab should reach the skip link"
    order = [focus["index"] for focus in focused]
    assert order == sorted(order), "Tab should follow the order of the page"
    missed = set(page.evaluate(EXPECTED)) - set(order)
    assert not missed, f"{len(missed)} controls are never reached by Tab"
    problems = [(focus["label"], problem) for focus in focused if (problem := indicator_problem(focus))]
    assert problems == [], f"focus not visible enough on {page.url}: {problems[:5]}"
    return focused


@pytest.mark.parametrize("width", [375, 1280])
def test_tab_reaches_every_control_of_the_home_page_in_order_with_visible_focus(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site.url + "/")
    focused = assert_keyboard_order_and_focus(page, "Gå til indhold")
    # The map's 98 municipalities are links too; the skip link past the map is among what was reached.
    assert len(focused) > 98
    if width == 375:
        # The narrow-screen menu by keyboard: Enter opens it, its links follow in the Tab order, Escape closes it.
        toggle = page.locator(".main-nav__toggle")
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Tab")
        expect(page.locator(".main-nav__list a").first).to_be_focused()
        page.keyboard.press("Escape")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(toggle).to_be_focused()


def test_the_search_filters_are_reached_in_order_with_visible_focus(demo_site, page):
    page.goto(demo_site.url + "/soeg/?q=kultur")
    focused = assert_keyboard_order_and_focus(page, "Gå til indhold")
    labels = [focus["label"] for focus in focused]
    # The query field comes before the filters, and the filters before the first hit.
    assert any("Strategi" in label for label in labels)
    page.keyboard.press("Shift+Tab")  # back from outside the page to the last control
    assert page.evaluate(DESCRIBE_FOCUS) is not None


def test_the_focus_check_fails_without_a_visible_indicator():
    unstyled = {"outlineStyle": "none", "outlineWidth": 0, "outlineColor": "rgb(0, 0, 0)", "boxShadow": "none"}
    assert indicator_problem({**unstyled, "behind": "rgb(255, 255, 255)", "svgStroke": None, "svgStrokeWidth": 0})
    faint = {**unstyled, "outlineStyle": "solid", "outlineWidth": 3, "outlineColor": "rgb(242, 181, 68)"}
    assert "contrast" in indicator_problem(
        {**faint, "behind": "rgb(255, 255, 255)", "svgStroke": None, "svgStrokeWidth": 0}
    )
