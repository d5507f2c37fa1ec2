"""The visual identity's promises (docs/design.md): text colours meet WCAG AA on the backgrounds they are used on,
every theme colour has its palette entry, the font and the icons the pages link exist and are what they say."""

import re
from pathlib import Path

from django.conf import settings

import pytest
from PIL import Image

from cms.models.themes import COLOUR_CHOICES

# A module whose tests use no database errors in the root conftest's migrated_state without this.
pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "cms" / "static" / "cms"
SITE_CSS = STATIC / "css" / "site.css"
THEMES = [value for value, _label in COLOUR_CHOICES]


def palette():
    """The custom properties of site.css's :root, with var() references resolved to their hex colours."""
    root = re.search(r":root\s*\{(.*?)\n\}", SITE_CSS.read_text(), re.S).group(1)
    raw = dict(re.findall(r"--([\w-]+):\s*([^;]+);", re.sub(r"/\*.*?\*/", "", root, flags=re.S)))

    def resolve(value):
        reference = re.fullmatch(r"var\(--([\w-]+)\)", value.strip())
        return resolve(raw[reference.group(1)]) if reference else value.strip()

    return {name: resolve(value) for name, value in raw.items() if resolve(value).startswith("#")}


def luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


TEXT = 4.5  # WCAG 1.4.3, normal text
NON_TEXT = 3.0  # WCAG 1.4.11, focus rings and other indicators

# (foreground, background, minimum): every pair the stylesheets put text or an indicator on.
PAIRS = [
    *[
        (text, ground, TEXT)
        for text in ("ink", "ink-muted", "forest-600", "forest-900")
        for ground in ("paper", "sand-50", "sand-100")
    ],
    ("ink", "green-100", TEXT),
    ("forest-900", "green-100", TEXT),
    ("paper", "forest-700", TEXT),  # buttons, the current page in pagination
    ("paper", "forest-900", TEXT),  # the footer
    ("ink", "sun-400", TEXT),  # the skip link
    ("sun-400", "forest-900", NON_TEXT),  # the focus ring's yellow on the footer
    ("ink", "paper", NON_TEXT),  # the focus ring's dark ring on the page
    ("forest-700", "paper", NON_TEXT),  # the current menu item's underline
    *[(f"theme-{theme}", ground, TEXT) for theme in THEMES for ground in ("paper", "sand-50", f"theme-{theme}-tint")],
    *[("ink", f"theme-{theme}-tint", TEXT) for theme in THEMES],  # the counts on theme tiles
]


def contrast_table():
    colours = palette()
    return [(fg, bg, minimum, contrast(colours[fg], colours[bg])) for fg, bg, minimum in PAIRS]


def test_every_theme_colour_has_a_text_colour_and_a_tint():
    colours = palette()
    missing = [name for theme in THEMES for name in (f"theme-{theme}", f"theme-{theme}-tint") if name not in colours]
    assert missing == []


@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_text_and_indicators_meet_wcag_aa_contrast(foreground, background, minimum):
    colours = palette()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, f"{foreground} {colours[foreground]} on {background} {colours[background]}: {ratio:.2f}:1"


def test_the_contrast_check_can_fail():
    assert contrast("#777777", "#ffffff") < TEXT < contrast("#767676", "#000000")


def test_the_font_faces_point_at_woff2_files_and_the_preloaded_one_is_among_them():
    css = SITE_CSS.read_text()
    sources = re.findall(r'src: url\("\.\./fonts/([\w.-]+)"\) format\("woff2"\)', css)
    assert len(sources) == 3
    for name in sources:
        assert (STATIC / "fonts" / name).read_bytes()[:4] == b"wOF2", name
    assert "font-display: swap" in css
    assert "SIL Open Font License" in (STATIC / "fonts" / "OFL.txt").read_text()
    base = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()
    preloaded = re.search(r"rel=\"preload\" href=\"\{% static 'cms/fonts/([\w.-]+)' %\}\" as=\"font\"", base)
    assert preloaded and preloaded.group(1) == "figtree-latin-wght-normal.woff2" in sources


@pytest.mark.parametrize(
    ("name", "size", "opaque"), [("favicon-32.png", 32, False), ("apple-touch-icon.png", 180, True)]
)
def test_the_png_icons_are_drawn_at_their_sizes(name, size, opaque):
    with Image.open(STATIC / "img" / name) as image:
        assert image.size == (size, size)
        corner = image.convert("RGBA").getpixel((0, 0))
    # iOS rounds the touch icon itself and fills transparent corners with black; the favicon keeps its round corners.
    assert (corner[3] == 255) is opaque
