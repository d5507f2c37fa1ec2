"""Find English in the admin as an editor sees it.

Two tests of every visible string (text, placeholders, tooltips and labels read aloud):

1. It is exactly one of the English source strings of Wagtail, Django or taggit whose Danish differs
   (an untranslated msgid: "Save draft", "Choose a page").
2. It contains an English word: a word of those English source strings that occurs in no Danish
   translation of them (ours, Django's, taggit's) and in no Danish text of the project itself.
   The vocabularies come from the installed catalogues, so the check needs no dictionary and follows
   the pinned versions.

Text the editor wrote (form values, page titles in the tree, rich text) is content and is not read:
input values are not text nodes, and the demo content is Danish. `ALLOWED_WORDS` lists the few
English-looking words that are names or established Danish words; keep it short and say why.
"""

import re
from functools import cache
from importlib import import_module
from pathlib import Path

from django.conf import settings

import polib

# Names and words that are correct in Danish admin text.
ALLOWED_WORDS = {
    "wagtail",  # the product's name, shown in the footer and the "Om Wagtail" menu
    "upload",  # Danish since the 1990s (Den Danske Ordbog: "uploade", "upload")
    "uploade",
    "uploadet",
    "uploader",
    "mail",  # "e-mail"
    "pdf",
    "csv",
    "xlsx",
    "url",
    "id",
    "ok",
    "kl",  # Kommunernes Landsforening
    "json",
    "api",
}

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SOURCE_PACKAGES = [
    "wagtail.admin",
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.sites",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django",
]
TAGS = re.compile(r"<[^>]+>|%\(\w+\)[sdi]|%[sd]|\{\w*\}")


# A model's technical name ("cms.homepage" in the page types report) is an identifier, not English.
# The language switch names each language in that language (with lang="en"), as it should.
LANGUAGE_NAMES = {"English"}
IDENTIFIER = re.compile(r"[a-z_]+\.[a-z_]+|[\w.-]+\.(?:pdf|png|jpe?g|gif|webp|docx?|xlsx?|csv)")  # names, files


def _words(text):
    """The words of a text, lower-cased; single letters ("Ph.d.", "e-mail") say nothing about the language."""
    return {word.lower() for word in WORD.findall(TAGS.sub(" ", text)) if len(word) > 1}


def _folder(package, language):
    folder = Path(import_module(package).__file__).parent
    return folder / ("conf/locale" if package == "django" else "locale") / language / "LC_MESSAGES"


def _catalogues(language):
    for package in SOURCE_PACKAGES:
        for path in _folder(package, language).glob("*.po"):
            yield polib.pofile(str(path))
    if language == "da":
        for path in (Path(settings.BASE_DIR) / "cms" / "admin_locale" / "da" / "LC_MESSAGES").glob("*.po"):
            yield polib.pofile(str(path))


def _strings(entry):
    if entry.msgid_plural:
        return [entry.msgid, entry.msgid_plural], list(entry.msgstr_plural.values())
    return [entry.msgid], [entry.msgstr]


@cache
def vocabularies():
    """(English-only words, untranslated English strings) from the installed catalogues."""
    danish_words = set()
    danish_text = {}
    for catalogue in _catalogues("da"):
        for entry in catalogue:
            english, danish = _strings(entry)
            for text in danish:
                danish_words |= _words(text)
            if all(danish):
                danish_text[entry.msgid] = danish[0]
    # The project's own Danish source strings (verbose names, help texts, templates) are Danish too.
    for path in Path(settings.BASE_DIR).glob("*/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            danish_words |= _words(entry.msgid)
    english_words = set()
    english_strings = set()
    for catalogue in _catalogues("en"):
        for entry in catalogue:
            english, _danish = _strings(entry)
            for text in english:
                english_words |= _words(text)
            if danish_text.get(entry.msgid, entry.msgid).strip() != entry.msgid.strip():
                english_strings.add(entry.msgid.strip())
    return frozenset(english_words - danish_words - ALLOWED_WORDS), frozenset(english_strings)


# Visible text nodes and the attributes an editor sees or hears, from the page and its same-origin frames'
# documents (modals live in the page). Elements marked as content are skipped.
VISIBLE_TEXT_JS = """
() => {
  const skip = "script, style, noscript, template, [data-draftail-editor-wrapper] .DraftEditor-root, .w-editor-content";
  const out = [];
  const where = (el, how) => {
    const id = el.id ? "#" + el.id : "";
    const classes = el.classList.length ? "." + [...el.classList].slice(0, 2).join(".") : "";
    return `${how} of <${el.tagName.toLowerCase()}${id}${classes}>`;
  };
  const labelled = "[placeholder], [title], [aria-label], [alt], input[type=submit], input[type=button]";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text) continue;
    const el = node.parentElement;
    if (!el || el.closest(skip)) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: false})) {
      if (!el.closest(".w-sr-only, .visually-hidden")) continue;
    }
    out.push([text, where(el, "text")]);
  }
  for (const el of document.querySelectorAll(labelled)) {
    if (el.closest(skip)) continue;
    if (!el.checkVisibility() && !el.closest("[aria-hidden=false]")) continue;
    for (const name of ["placeholder", "title", "aria-label", "alt"]) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push([value.trim(), where(el, name)]);
    }
    if (el.matches("input[type=submit], input[type=button]") && el.value) out.push([el.value, where(el, "value")]);
  }
  return out;
}
"""


def english_on_page(page, allowed_strings=()):
    """The visible strings on the page that are English, each with the words that make it so."""
    english_words, english_strings = vocabularies()
    found = []
    for text, where in page.evaluate(VISIBLE_TEXT_JS):
        if text in allowed_strings or text in LANGUAGE_NAMES or IDENTIFIER.fullmatch(text):
            continue
        words = sorted(_words(text) & english_words)
        if words or text in english_strings:
            found.append((text, words, where))
    return found


def assert_danish(page, allowed_strings=()):
    found = english_on_page(page, allowed_strings)
    if found:
        lines = [f"English on {page.url}:"]
        for text, words, where in found[:40]:
            lines.append(f"- {text[:120]!r} ({', '.join(words) or 'untranslated string'}; {where})")
        raise AssertionError("\n".join(lines))


def english_in_text(text):
    """The lines of a plain text (an e-mail) that are English, each with the words that make it so."""
    english_words, english_strings = vocabularies()
    found = []
    for line in text.splitlines():
        line = re.sub(r"https?://\S+", " ", line).strip()
        words = sorted(_words(line) & english_words)
        if words or line in english_strings:
            found.append((line, words))
    return found
