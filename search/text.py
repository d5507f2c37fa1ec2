"""Danish text analysis shared by every engine: tokens, stems, parsed queries and highlighting.

The database engine on SQLite indexes the stems computed here; PostgreSQL's `danish` text search
configuration uses the same Snowball stemmer and the same stop words, so both find the same
inflected forms. The highlighter marks words whose stem matches a query stem, in the original text.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

import Stemmer

# Longest query we read; the rest is cut and the page says so.
MAX_QUERY_LENGTH = 200
# At most this many words and phrases count in one query (a pasted essay stays fast).
MAX_QUERY_PARTS = 12

# Snowball's Danish stop word list, as PostgreSQL ships it (tsearch_data/danish.stop).
_STOP_WORDS_TEXT = """
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu
over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget
ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod
disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

WORD = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_stemmer = Stemmer.Stemmer("danish")


def clean_text(value: str) -> str:
    """Text without control characters, in Unicode NFC so "ø" typed two ways is one letter."""
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", value or ""))


def words(text: str) -> list[str]:
    """The lowercase words of a text."""
    return WORD.findall(clean_text(text).lower())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    """The Danish stems of a text's words, stop words left out (as PostgreSQL's `danish` does)."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def stemmed_text(text: str) -> str:
    return " ".join(stems(text))


@dataclass
class ParsedQuery:
    """What a visitor asked for: single words and quoted phrases, cleaned and cut."""

    text: str = ""  # the cleaned query as shown back in the field
    terms: list[str] = field(default_factory=list)  # words outside quotes
    phrases: list[list[str]] = field(default_factory=list)  # words inside each pair of quotes
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def all_words(self) -> list[str]:
        return self.terms + [word for phrase in self.phrases for word in phrase]

    @property
    def stems(self) -> set[str]:
        return {stem(word) for word in self.all_words if word not in STOP_WORDS}

    @property
    def cache_key(self) -> str:
        return " ".join(self.terms) + "|" + "|".join(" ".join(p) for p in self.phrases)


def parse_query(raw: str | None) -> ParsedQuery:
    """Split a query into words and "quoted phrases"; syntax characters are plain punctuation.

    An unbalanced quote is read as if it were closed at the end. Stop words on their own are
    dropped (they match nothing on PostgreSQL either); inside phrases they are kept for the
    highlighter and the engines treat them as a gap.
    """
    text = " ".join(clean_text(raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    terms: list[str] = []
    phrases: list[list[str]] = []
    for index, segment in enumerate(text.split('"')):
        segment_words = words(segment)
        if index % 2 == 1 and len([w for w in segment_words if w not in STOP_WORDS]) > 1:
            phrases.append(segment_words[:MAX_QUERY_PARTS])
            continue
        terms.extend(w for w in segment_words if w not in STOP_WORDS)
    # Keep the first of each repeated word, and a bounded number of parts.
    seen: set[str] = set()
    unique_terms = [t for t in terms if not (t in seen or seen.add(t))]
    budget = MAX_QUERY_PARTS
    phrases = phrases[:budget]
    unique_terms = unique_terms[: max(budget - len(phrases), 0)]
    return ParsedQuery(text=text, terms=unique_terms, phrases=phrases, truncated=truncated)


# Highlighting ------------------------------------------------------------------------------

SNIPPET_WORDS = 32
OPENING_MARKS = '([{«„“"'
CLOSING_MARKS = '.,;:!?)]}»”"'


def _tokens(text: str):
    return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]


def _is_hit(token: str, query_stems: set[str]) -> bool:
    lowered = token.lower()
    return lowered not in STOP_WORDS and stem(lowered) in query_stems


def highlight(text: str, query_stems: set[str]) -> str:
    """The whole text, HTML-escaped, with each word that matches the query inside `<mark>`."""
    text = clean_text(text)
    if not query_stems:
        return escape(text)
    out, position = [], 0
    for start, end, token in _tokens(text):
        if _is_hit(token, query_stems):
            out.append(escape(text[position:start]))
            out.append(f"<mark>{escape(token)}</mark>")
            position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def snippet(texts: list[str], query_stems: set[str], length: int = SNIPPET_WORDS) -> str:
    """An escaped excerpt of about `length` words around the densest cluster of matched words.

    `texts` are tried in order (summary, body, attachments); without any match the start of the
    first non-empty text is shown.
    """
    best = None
    for text in texts:
        text = " ".join(clean_text(text).split())
        if not text:
            continue
        tokens = _tokens(text)
        if best is None:
            best = (0, text, tokens, 0)
        if not query_stems:
            break
        hits = [i for i, (_s, _e, token) in enumerate(tokens) if _is_hit(token, query_stems)]
        if not hits:
            continue
        # The window of `length` tokens that holds the most distinct matched stems.
        best_score, best_start = -1, 0
        for first in hits:
            window = {stem(tokens[i][2].lower()) for i in hits if first <= i < first + length}
            if len(window) > best_score:
                best_score, best_start = len(window), first
        if best_score > best[0]:
            best = (best_score, text, tokens, max(best_start - 6, 0))
        if best[0] >= len(query_stems):
            break
        # Otherwise keep looking in later texts for a better window.
    if best is None:
        return ""
    _score, text, tokens, start_token = best
    if not tokens:
        return escape(text[:200])
    end_token = min(start_token + length, len(tokens)) - 1
    begin = tokens[start_token][0]
    finish = tokens[end_token][1]
    # Keep the punctuation that belongs to the first and last words: an opening bracket or quote before,
    # and closing marks after ("(Eksempel.)" must not lose its parenthesis).
    while begin > 0 and text[begin - 1] in OPENING_MARKS:
        begin -= 1
    while finish < len(text) and text[finish] in CLOSING_MARKS:
        finish += 1
    excerpt = text[begin:finish]
    prefix = "… " if begin > 0 else ""
    suffix = " …" if finish < len(text) and not excerpt.rstrip(')]}»”"').endswith((".", "!", "?")) else ""
    return mark_safe(escape(prefix) + highlight(excerpt, query_stems) + escape(suffix))  # noqa: S308
