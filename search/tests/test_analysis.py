"""The one Danish text analysis both database engines index and search with (search/analysis.py)."""

import pytest

from search.analysis import analyse, split_compound, synonym_table, term, word_alternatives, word_terms
from search.text import MAX_QUERY_LENGTH, parse_query


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("helsingoer", "Helsingør"),
        ("naestved", "Næstved"),
        ("Aarhus", "Århus"),
        ("reparationscafe", "reparationscafé"),
        ("groenne", "grønne"),
    ],
)
def test_folded_letters_give_the_same_term(typed, written):
    assert analyse(typed).words == analyse(written).words


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7.000", "7000"), ("7000", "7000"), ("2.1", "2d1"), ("2,1", "2d1"), ("1.500.000", "1500000")],
)
def test_danish_numbers_stay_whole(text, expected):
    assert analyse(text).words == (expected,)


@pytest.mark.parametrize(
    "forms",
    [
        ("museum", "museet", "museets", "museer", "museerne"),
        ("teater", "teatret", "teatrets", "teatre"),
        ("cykel", "cykler", "cyklerne"),
        ("grøn", "grønt", "grønne"),
        ("ladcykel", "ladcykler"),
    ],
)
def test_forms_the_stemmer_keeps_apart_are_one_term(forms):
    assert len({term(form) for form in forms}) == 1


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("reparationscafe", ("reparation", "cafe")),
        ("klimaregnskab", ("klima", "regnskab")),
        ("kulturinstitutionerne", ("kultur", "institutionerne")),
        ("handlingsplan", ("handling", "plan")),
        ("kommune", ()),  # not made of known parts
        ("bestyrelse", ()),
    ],
)
def test_compounds_split_into_known_parts(word, parts):
    assert split_compound(word) == parts


def test_a_compound_is_indexed_under_its_parts_after_the_words():
    analysed = analyse("Klimaregnskab for kulturinstitutionerne")
    assert analysed.words == ("klimaregnskab", "kulturinstitution")
    assert analysed.parts == ("klima", "regnskab", "kultur", "institution")


def test_a_query_word_matches_itself_its_parts_or_a_synonym():
    synonyms = synonym_table([["genbrug", "genanvendelse", "cirkulær økonomi"]])
    ways = word_alternatives("genbrugsmaterialer", synonyms)
    assert [way.terms for way in ways] == [("genbrugsmaterial",), ("genbrug", "material")]
    ways = word_alternatives("genanvendelse", synonyms)
    assert [(way.terms, way.phrase) for way in ways] == [
        (("genanvend",), False),
        (("genbrug",), False),
        (("cirkula", "oekonomi"), True),
    ]


def test_stop_words_only_is_said():
    assert parse_query("og det").stop_words_only
    assert not parse_query("og kultur").stop_words_only
    assert not parse_query("").stop_words_only


def test_a_long_query_is_cut_at_a_word_boundary():
    query = parse_query("kulturinstitution " * 20)
    assert query.truncated and len(query.text) <= MAX_QUERY_LENGTH
    assert query.text.split()[-1] == "kulturinstitution"


def test_or_and_minus():
    query = parse_query("grøn OR kultur museum -aarhus or")
    assert query.groups == [["grøn", "kultur"], ["museum"], ["or"]]  # a lowercase "or" is a word
    assert query.excluded == ["aarhus"]


def test_phrase_highlighting_marks_the_phrase_only():
    from search.text import highlight

    html = highlight("Grøn dannelse, omstilling og grøn omstilling.", parse_query('"grøn omstilling"').stems)
    assert html == "Grøn dannelse, omstilling og <mark>grøn</mark> <mark>omstilling</mark>."
    # Words outside quotes are marked wherever they occur.
    assert highlight("grøn, omstilling", parse_query("grøn omstilling").stems).count("<mark>") == 2


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("grønt", "gront"),
        ("grønt", "gronne"),
        ("grønne", "gront"),
        ("grøn", "gronne"),
        ("grønne", "groen"),
        ("København", "kobenhavn"),
        ("Ærø", "aeroe"),
        ("Ærø", "aro"),
        ("åbner", "abner"),
        ("Sønderborg", "sonderborg"),
    ],
)
def test_words_typed_without_danish_letters_meet_the_written_word(written, typed):
    (own, *_others) = word_alternatives(typed)
    assert set(own.terms) <= word_terms(written)
