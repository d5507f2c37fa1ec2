"""The one Danish text analysis: what both database engines index and search for.

Text and queries go through the same steps, in Python, so SQLite and PostgreSQL agree by
construction (PostgreSQL stores the resulting terms in a `tsvector` as they are, with no text
search configuration of its own):

1. **Normalise**: Unicode NFC, control characters out, lower case.
2. **Tokenise**, keeping Danish numbers whole: `7.000` (thousands) is the term `7000`, so it is
   found as `7000` and `7.000`; `2.1` and `2,1` (decimals) are the term `2d1`.
3. **Fold letters** for matching: æ→ae, ø→oe, å→aa, é→e, other accents dropped (`Århus` and
   `Aarhus` are the same term, so are `helsingør` and `helsingoer`). Titles and snippets keep the
   original letters: only the terms are folded.
4. **Stem** with Snowball's Danish stemmer (PyStemmer), after folding, so a folded and an unfolded
   spelling stem alike. A short exception list (`STEM_EXCEPTIONS`) repairs forms the stemmer
   leaves apart: nouns that drop an *e* when inflected (*museum/museet/museer*, *teater/teatret*,
   *cykel/cykler*, *center/centret*) and *grønt* (→ *grøn*).
5. **Split compounds** into known parts (search/data/compound_parts.txt, see docs/search.md): a
   word that is made of known parts, with the Danish linking *s* or *e* between them, also yields
   the parts' terms (`reparationscafé` → `reparationscafe`, `reparation`, `cafe`). Parts are
   written after the text's own words, so phrases among the words are untouched. A word with æ,
   ø or å also yields the term of its spelling with plain vowels (`grønt` → `gront`,
   `København` → `kobenhavn`), so a visitor without those keys finds it.
6. **Synonyms** (query time, from the editors' synonym groups): a query word in a group matches
   any word or phrase of the group.

Stop words (Snowball's Danish list) are left out of terms, folded like everything else.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A number with Danish separators (7.000, 2.1, 2,5) or a run of word characters.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+", re.UNICODE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")

# Snowball's Danish stop word list, as PostgreSQL ships it (tsearch_data/danish.stop).
_STOP_WORDS_TEXT = """
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu
over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget
ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod
disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Compound parts are at least this long.
MIN_PART = 3

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

_stemmer = Stemmer.Stemmer("danish")


def normalise(text: str) -> str:
    """Text without control characters, in Unicode NFC so "ø" typed two ways is one letter."""
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text or ""))


def tokens(text: str) -> list[str]:
    """The lowercase tokens (words and numbers) of a text, letters as written."""
    return TOKEN.findall(normalise(text).lower())


@lru_cache(maxsize=100_000)
def fold(token: str) -> str:
    """A lowercase token with Danish letters spelled out and other accents dropped (é → e)."""
    spelled = token.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", spelled)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def number_term(token: str) -> str:
    """7.000 → 7000 (thousands); 2.1 and 2,1 → 2d1 (decimals); a plain number stays itself."""
    if _THOUSANDS.fullmatch(token):
        return token.replace(".", "")
    return re.sub(r"[.,]", "d", token)


# Forms Snowball stems apart though they are one word. Each entry: the lemma, the stem of its
# inflected forms (where Danish drops the unstressed e: teater → teatret), and the term all of
# them become. Forms made: lemma, lemma+s, and the short stem + e, es, et, ets, er, erne, ernes,
# ene, enes.
_SYNCOPE = [
    ("museum", "muse", "museum"),
    ("teater", "teatr", "teatr"),
    ("center", "centr", "centr"),
    ("cykel", "cykl", "cykl"),
    ("regel", "regl", "regl"),
    ("middel", "midl", "midl"),
    ("eksempel", "eksempl", "eksempl"),
    ("sommer", "somr", "somr"),
    ("vinter", "vintr", "vintr"),
]
_ENDINGS = ("e", "es", "et", "ets", "er", "ers", "erne", "ernes", "ene", "enes")


def _exceptions():
    table = {}
    for lemma, short, term in _SYNCOPE:
        table[lemma] = table[lemma + "s"] = term
        for ending in _ENDINGS:
            table[short + ending] = term
    # The neuter adjective the stemmer keeps apart from grøn/grønne (grønt → grøn).
    table["groent"] = _stemmer.stemWord("groen")
    # And its spelling with a plain o (see plain_term), with gron and gronne.
    table["gront"] = _stemmer.stemWord("gron")
    table.pop("muse", None)  # "muse" on its own is another word
    return table


STEM_EXCEPTIONS = _exceptions()
_LONGEST_EXCEPTION = max(len(key) for key in STEM_EXCEPTIONS)
_SHORTEST_EXCEPTION = 5


@lru_cache(maxsize=200_000)
def term(token: str) -> str:
    """The search term of one lowercase token: folded, stemmed (with the exceptions), numbers kept."""
    if token[:1].isdigit() and not token.isdigit() and any(ch in token for ch in ".,"):
        return number_term(token)
    folded = fold(token)
    exception = STEM_EXCEPTIONS.get(folded)
    if exception is not None:
        return exception
    # A compound ending in one of the exceptions (kompostteatret, ladcykler) ends like it.
    for length in range(min(len(folded) - MIN_PART, _LONGEST_EXCEPTION), _SHORTEST_EXCEPTION - 1, -1):
        exception = STEM_EXCEPTIONS.get(folded[-length:])
        if exception is not None:
            return folded[:-length] + exception
    return _stemmer.stemWord(folded)


_FOLDED_STOP_WORDS = frozenset(fold(word) for word in STOP_WORDS)

# Æ, ø and å typed as the plain vowel, as on a keyboard without them: grønt → gront, København → kobenhavn.
_PLAIN = str.maketrans({"æ": "a", "ø": "o", "å": "a"})


def plain_term(token: str) -> str | None:
    """The term of a lowercase token written with plain vowels for æ, ø, å, or None if it has none of them."""
    if not any(letter in token for letter in "æøå"):
        return None
    return term(token.translate(_PLAIN))


def is_stop_word(token: str) -> bool:
    return token in STOP_WORDS or fold(token) in _FOLDED_STOP_WORDS


# Compounds ---------------------------------------------------------------------------------

PARTS_FILE = Path(__file__).resolve().parent / "data" / "compound_parts.txt"
LINKS = ("", "s", "e")


def _load_parts():
    words = set()
    for line in PARTS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(fold(line))
    return frozenset(words)


COMPOUND_PARTS = _load_parts()
# Parts that may end a compound in any inflected form: matched by their stem.
_PART_TERMS = frozenset(term(part) for part in COMPOUND_PARTS)


@lru_cache(maxsize=100_000)
def split_compound(folded: str) -> tuple[str, ...]:
    """The known parts of a folded word (e.g. ("reparation", "cafe")), or () if it is not one.

    The word must be covered entirely: known parts, optionally joined by a linking s or e, the last
    part in any inflected form (its stem is a known part's stem). The split with the fewest parts
    wins; ties go to the longest last part.
    """
    if len(folded) < 2 * MIN_PART + 1 or not folded.isalpha():
        return ()
    best = None
    for cut in range(len(folded) - MIN_PART, MIN_PART - 1, -1):
        head, tail = folded[:cut], folded[cut:]
        if not _is_final_part(tail):
            continue
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            stem_head = head[: len(head) - len(link)] if link else head
            if len(stem_head) < MIN_PART:
                continue
            if stem_head in COMPOUND_PARTS:
                candidate = (stem_head, tail)
            else:
                inner = split_compound(stem_head)
                if not inner:
                    continue
                candidate = (*inner, tail)
            if best is None or len(candidate) < len(best):
                best = candidate
        if best is not None and len(best) == 2:
            break
    return best or ()


# The lengths of the parts' stems: the stem of an inflected part starts with the part's stem (the
# stemmer only removes endings), so a tail that starts with none of them needs no stemming.
_PART_TERM_LENGTHS = tuple(sorted({len(part_term) for part_term in _PART_TERMS}))


def _is_final_part(tail: str) -> bool:
    if len(tail) < MIN_PART:
        return False
    if tail in COMPOUND_PARTS or tail in STEM_EXCEPTIONS:
        return tail in COMPOUND_PARTS or term(tail) in _PART_TERMS
    if not any(tail[:length] in _PART_TERMS for length in _PART_TERM_LENGTHS if length <= len(tail)):
        return False
    return term(tail) in _PART_TERMS


# Text and query analysis -------------------------------------------------------------------


@dataclass(frozen=True)
class Analysed:
    """The terms of a text: its words in order (for phrases), then its compounds' parts."""

    words: tuple[str, ...]
    parts: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return self.words + self.parts


@lru_cache(maxsize=200_000)
def _token_terms(token: str) -> tuple[str | None, tuple[str, ...]]:
    """A lowercase token's term (None for a stop word) and its compound parts' terms, computed once."""
    if is_stop_word(token):
        return None, ()
    own = term(token)
    parts = tuple(term(part) for part in split_compound(fold(token)))
    # A word with æ, ø or å is also found typed with the plain vowels (gront, kobenhavn): the plain
    # spelling's term is indexed beside the parts; a query typed that way already has that term.
    plain = plain_term(token)
    if plain and plain != own and plain not in parts:
        parts += (plain,)
    return own, parts


def analyse(text: str) -> Analysed:
    """The terms a text is indexed under, the same on every database engine."""
    analysed = list(map(_token_terms, tokens(text)))  # each distinct token is analysed once (cached)
    words = tuple(own for own, _parts in analysed if own is not None)
    parts = tuple(part for _own, token_parts in analysed if token_parts for part in token_parts)
    return Analysed(words, parts)


def analysed_text(text: str) -> str:
    """The terms of a text as one space-separated string (words, then compound parts)."""
    return " ".join(analyse(text).all)


def word_terms(word: str) -> set[str]:
    """Every term a single word of a text is indexed under (itself and its compound parts)."""
    own, parts = _token_terms(word.lower())
    return set() if own is None else {own, *parts}


@dataclass(frozen=True)
class Alternative:
    """One way a query word can match: a single term, all of several terms, or a phrase of terms."""

    terms: tuple[str, ...]
    phrase: bool = False


def word_alternatives(word: str, synonyms=None) -> list[Alternative]:
    """The ways one query word may match a document, any of them enough.

    The word's own term; all the parts of a compound (so `klimaplan` finds "plan for klima" and
    "klimaplanen"); and each synonym of the word, a several-word synonym as a phrase.
    """
    token = word.lower()
    own = term(token)
    alternatives = [Alternative((own,))]
    parts = split_compound(fold(token))
    if parts:
        alternatives.append(Alternative(tuple(dict.fromkeys(term(part) for part in parts))))
    for synonym in (synonyms or {}).get(own, ()):
        alternative = synonym_alternative(synonym)
        if alternative and alternative.terms != (own,):
            alternatives.append(alternative)
    unique = []
    for alternative in alternatives:
        if alternative not in unique:
            unique.append(alternative)
    return unique


def synonym_alternative(synonym: str) -> Alternative | None:
    """A synonym as a way to match: its term, or the phrase of its terms."""
    synonym_terms = tuple(term(t) for t in tokens(synonym) if not is_stop_word(t))
    return Alternative(synonym_terms, phrase=len(synonym_terms) > 1) if synonym_terms else None


def synonym_table(groups) -> dict:
    """From groups of words that mean the same: each member → the other members.

    A one-word member is keyed by its term, a several-word member by the tuple of its terms (the
    query's consecutive words are matched against it).
    """
    table: dict = {}
    for group in groups:
        members = [" ".join(normalise(member).split()) for member in group if member and member.strip()]
        for member in members:
            member_tokens = [t for t in tokens(member) if not is_stop_word(t)]
            if not member_tokens:
                continue
            key = term(member_tokens[0]) if len(member_tokens) == 1 else tuple(term(t) for t in member_tokens)
            others = table.setdefault(key, [])
            others.extend(other for other in members if other != member and other not in others)
    return {key: tuple(values) for key, values in table.items()}
