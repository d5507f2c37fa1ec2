"""Queries and highlighting, on top of the one Danish text analysis (search/analysis.py).

Both database engines index the terms `search.analysis` computes and look up the terms of the
parsed query, so SQLite and PostgreSQL find the same documents. The highlighter marks words whose
terms match the query's terms, in the original text (titles and snippets keep their letters).
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import (
    STOP_WORDS,
    TOKEN,
    Alternative,
    is_stop_word,
    normalise,
    synonym_alternative,
    term,
    word_alternatives,
    word_terms,
)

# Longest query we read; the rest is cut at a word boundary and the page says so.
MAX_QUERY_LENGTH = 200
# At most this many words and phrases count in one query (a pasted essay stays fast).
MAX_QUERY_PARTS = 12

WORD = TOKEN
# A query word, with the minus that excludes it when it starts the word ("-ord").
_QUERY_TOKEN = re.compile(r"(?<![\w-])(-?)(" + TOKEN.pattern + ")")
__all__ = ["STOP_WORDS", "MAX_QUERY_LENGTH", "ParsedQuery", "parse_query", "highlight", "snippet", "clean_text"]


def clean_text(value: str) -> str:
    """Text without control characters, in Unicode NFC so "ø" typed two ways is one letter."""
    return normalise(value)


def words(text: str) -> list[str]:
    """The lowercase words (and numbers) of a text."""
    return TOKEN.findall(clean_text(text).lower())


def stem(word: str) -> str:
    """The search term of a word (folded, stemmed); kept under this name for the spelling vocabulary."""
    return term(word.lower())


class QueryTerms(frozenset):
    """The terms a highlighted word may match, plus the phrases (lists of terms) of the query."""

    def __new__(cls, terms=(), phrases=()):
        instance = super().__new__(cls, terms)
        instance.phrases = [list(phrase) for phrase in phrases if phrase]
        return instance

    def __reduce__(self):
        return (QueryTerms, (set(self), self.phrases))


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

    stop_words_only: bool = False  # the visitor typed only words too common to search for
    groups: list[list[str]] = field(default_factory=list)  # the terms, those joined by OR in one group
    excluded: list[str] = field(default_factory=list)  # words typed with a minus: -ord
    synonyms: dict = field(default_factory=dict, compare=False)  # term -> synonyms, set by the engine

    @property
    def stems(self) -> "QueryTerms":
        """What counts as a match of the query, for highlighting: every term a word may match by,
        and the phrases (marked only where their words stand together)."""
        found = set()
        for ways in self.alternatives():
            for alternative in ways:
                found.update(alternative.terms)
        return QueryTerms(found, phrases=self.phrase_terms())

    def with_synonyms(self, synonyms):
        """This query with the editors' synonyms (term -> words) applied."""
        return ParsedQuery(
            text=self.text,
            terms=list(self.terms),
            phrases=[list(phrase) for phrase in self.phrases],
            truncated=self.truncated,
            stop_words_only=self.stop_words_only,
            groups=[list(group) for group in self.groups],
            excluded=list(self.excluded),
            synonyms=synonyms,
        )

    def alternatives(self):
        """For each word outside quotes (or OR group of words), the ways it may match.

        See search.analysis.word_alternatives: the word itself, its compound parts, its synonyms.
        Consecutive words that make up a several-word synonym (*cirkulær økonomi*) match together:
        all of them, or one of the other members of the group.
        """
        groups = self.groups or [[word] for word in self.terms]
        several = {key: others for key, others in self.synonyms.items() if isinstance(key, tuple)}
        result, index = [], 0
        while index < len(groups):
            matched = self._several_word_synonym(groups, index, several)
            if matched:
                size, ways = matched
                result.append(ways)
                index += size
                continue
            ways = []
            for word in groups[index]:
                ways.extend(way for way in word_alternatives(word, self.synonyms) if way not in ways)
            result.append(ways)
            index += 1
        return result

    @staticmethod
    def _several_word_synonym(groups, index, several):
        for key, others in several.items():
            window = groups[index : index + len(key)]
            single = len(window) == len(key) and all(len(group) == 1 for group in window)
            if single and tuple(term(group[0]) for group in window) == key:
                ways = [Alternative(key)]
                for other in others:
                    alternative = synonym_alternative(other)
                    if alternative and alternative not in ways:
                        ways.append(alternative)
                return len(key), ways
        return None

    def excluded_terms(self):
        """The terms of the words typed with a minus; a document with any of them is left out."""
        return list(dict.fromkeys(term(word) for word in self.excluded))

    def phrase_terms(self):
        """Each phrase as the terms of its words, stop words left out (the index leaves them out too)."""
        result = []
        for phrase in self.phrases:
            terms = [term(word) for word in phrase if not is_stop_word(word)]
            if terms:
                result.append(terms)
        return result

    @property
    def cache_key(self) -> str:
        groups = " ".join("/".join(group) for group in self.groups) or " ".join(self.terms)
        return groups + "|" + "|".join(" ".join(p) for p in self.phrases) + "|-" + " ".join(self.excluded)


def parse_query(raw: str | None) -> ParsedQuery:
    """Split a query into words and "quoted phrases"; syntax characters are plain punctuation.

    An unbalanced quote is read as if it were closed at the end. Stop words on their own are
    dropped (they match nothing on PostgreSQL either); inside phrases they are kept for the
    highlighter and the engines treat them as a gap.
    """
    text = " ".join(clean_text(raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        # Cut at the last word boundary, so no half word is searched for.
        cut = text[: MAX_QUERY_LENGTH + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
        text = text.rstrip()
    groups: list[list[str]] = []  # words outside quotes; the words of one group are joined by OR
    excluded: list[str] = []
    phrases: list[list[str]] = []
    typed_any = False
    for index, segment in enumerate(text.split('"')):
        segment_words = words(segment)
        typed_any = typed_any or bool(segment_words)
        if index % 2 == 1:
            if len([w for w in segment_words if not is_stop_word(w)]) > 1:
                phrases.append(segment_words[:MAX_QUERY_PARTS])
            else:
                groups.extend([w] for w in segment_words if not is_stop_word(w))
            continue
        pending_or = False
        for match in _QUERY_TOKEN.finditer(segment):
            minus, word = match.group(1), match.group(2)
            if word == "OR" and not minus:  # only the capitalised operator: "or" is a plain word
                pending_or = bool(groups)
                continue
            word = word.lower()
            if is_stop_word(word):
                continue
            if minus:
                excluded.append(word)
            elif pending_or:
                groups[-1].append(word)
            else:
                groups.append([word])
            pending_or = False
    # Keep the first of each repeated word, and a bounded number of parts.
    seen: set[str] = set()
    unique_groups = []
    for group in groups:
        group = [w for w in group if not (w in seen or seen.add(w))]
        if group:
            unique_groups.append(group)
    budget = MAX_QUERY_PARTS
    phrases = phrases[:budget]
    unique_groups = unique_groups[: max(budget - len(phrases), 0)]
    terms = [word for group in unique_groups for word in group]
    return ParsedQuery(
        text=text,
        terms=terms,
        phrases=phrases,
        truncated=truncated,
        stop_words_only=typed_any and not terms and not phrases and not excluded,
        groups=unique_groups,
        excluded=list(dict.fromkeys(excluded))[:MAX_QUERY_PARTS],
    )


# Highlighting ------------------------------------------------------------------------------

SNIPPET_WORDS = 32
OPENING_MARKS = '([{«„“"'
CLOSING_MARKS = '.,;:!?)]}»”"'


def _tokens(text: str):
    return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]


def _is_hit(token: str, query_stems: set[str]) -> bool:
    return bool(word_terms(token) & query_stems)


def _marks_anything(query_stems) -> bool:
    return bool(query_stems) or bool(getattr(query_stems, "phrases", None))


def _hit_indices(tokens, query_stems) -> list[int]:
    """Which tokens to mark: words matching a term, and the words of each phrase where they stand together."""
    hits = {i for i, (_s, _e, token) in enumerate(tokens) if query_stems and _is_hit(token, query_stems)}
    phrases = getattr(query_stems, "phrases", None) or []
    if phrases:
        # The phrase's words in order, stop words between them skipped (as the index skips them).
        words = [(i, word_terms(token)) for i, (_s, _e, token) in enumerate(tokens) if not is_stop_word(token.lower())]
        for phrase in phrases:
            size = len(phrase)
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if all(phrase[k] in window[k][1] for k in range(size)):
                    hits.update(index for index, _terms in window)
    return sorted(hits)


def highlight(text: str, query_stems: set[str]) -> str:
    """The whole text, HTML-escaped, with each word that matches the query inside `<mark>`.

    A phrase's words are marked only where they stand together as the phrase.
    """
    text = clean_text(text)
    if not _marks_anything(query_stems):
        return escape(text)
    tokens = _tokens(text)
    out, position = [], 0
    for index in _hit_indices(tokens, query_stems):
        start, end, token = tokens[index]
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
        if not _marks_anything(query_stems):
            break
        hits = _hit_indices(tokens, query_stems)
        if not hits:
            continue
        # The window of `length` tokens that holds the most distinct matched stems.
        best_score, best_start = -1, 0
        for first in hits:
            window = {stem(tokens[i][2]) for i in hits if first <= i < first + length}
            if len(window) > best_score:
                best_score, best_start = len(window), first
        if best_score > best[0]:
            best = (best_score, text, tokens, max(best_start - 6, 0))
        if best[0] >= len(query_stems) + len(getattr(query_stems, "phrases", None) or []):
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
