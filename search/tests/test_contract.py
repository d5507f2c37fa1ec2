"""The engine contract: every engine finds, narrows, counts, marks and copes with bad input the same way.

Runs against the database engine always (SQLite or PostgreSQL, whichever the tests run on) and against
Elasticsearch when ELASTICSEARCH_URL is set.
"""

import datetime

import pytest

from search.engines import FACETS, SearchRequest, database_engine
from search.text import parse_query

from .corpus import AARHUS, MIDTJYLLAND, ODENSE, SYDDANMARK, corpus, elasticsearch_url, titles, unique_index_name

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(params=ENGINES)
def engine(request, home_page):
    if request.param == "database":
        engine = database_engine()
        engine.rebuild([[(document, "") for document in corpus(home_page.pk)]])
        yield engine
        return
    url = elasticsearch_url()
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: the Elasticsearch engine's contract tests need a running cluster")
    from search.engines.elastic import ElasticsearchEngine

    engine = ElasticsearchEngine(url, index_name=unique_index_name())
    engine.rebuild([[(document, "") for document in corpus(home_page.pk)]])
    yield engine
    engine.client.indices.delete(index=f"{engine.alias}-*", ignore_unavailable=True)


def search(engine, q="", **options):
    return engine.search(SearchRequest(query=parse_query(q), **options))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kulturinstitution", "Strategi for kulturinstitutioner i Aarhus"),
        ("kulturinstitutioner", "Workshop om grøn dannelse"),  # "kulturinstitutionen" in its summary
        ("biblioteket", "Strategi for kulturinstitutioner i Aarhus"),  # "biblioteker" in its body
        ("biblioteker", "Handlingsplan: biblioteket som grønt samlingssted"),
        ("grøn", "Strategi for kulturinstitutioner i Aarhus"),  # "grønne" in its body
        ("grønne", "Workshop om grøn dannelse"),
        ("MUSEET", "Genbrugsværksted på museet"),
    ],
)
def test_danish_inflections_find_each_other(engine, query, expected):
    assert expected in titles(search(engine, query))


def test_all_words_must_match(engine):
    assert titles(search(engine, "genbrug odenses")) == {"Handlingsplan: biblioteket som grønt samlingssted"}
    assert search(engine, "genbrug vejle").total == 0


def test_quoted_words_search_as_a_phrase(engine):
    assert titles(search(engine, '"grøn omstilling"')) == {"Case: musikskolen sparer energi"}
    # The same words apart or in another order do not match the phrase, but do match as words.
    assert "Workshop om grøn dannelse" in titles(search(engine, "grøn omstilling"))
    assert titles(search(engine, '"omstilling grøn"')) == {"Workshop om grøn dannelse"}


def test_title_outranks_body(engine):
    results = search(engine, "energi")
    assert [hit.title for hit in results.hits][0] == "Case: musikskolen sparer energi"


def test_empty_query_browses_everything_newest_first(engine):
    results = search(engine, "")
    assert results.total == 6
    dates = [hit.date for hit in results.hits if hit.date]
    assert dates == sorted(dates, reverse=True)
    assert results.hits[-1].date is None  # undated documents come last


def test_sort_newest(engine):
    results = search(engine, "kulturinstitution", sort="newest")
    assert [hit.date for hit in results.hits] == [datetime.date(2024, 3, 1), datetime.date(2022, 11, 3)]


def test_facet_counts_for_everything(engine):
    facets = search(engine, "").facets
    assert set(facets) == set(FACETS)
    assert facets["kind"] == {"strategy": 1, "action-plan": 1, "action": 1, "case": 2, "workshop": 1}
    assert facets["municipality"] == {str(AARHUS): 3, str(ODENSE): 2, "630": 1}
    assert facets["region"] == {str(MIDTJYLLAND): 3, str(SYDDANMARK): 3}
    assert facets["theme"] == {
        "klimavenlig-drift-af-kulturinstitutioner": 2,
        "cirkulær-omstilling": 2,
        "samskabelse": 2,
        "grøn-dannelse": 1,
    }
    assert facets["year"] == {"2022": 1, "2023": 1, "2024": 1, "2025": 2}


@pytest.mark.parametrize(
    ("facet", "values", "expected_total"),
    [
        ("kind", ["case"], 2),
        ("kind", ["case", "strategy"], 3),
        ("theme", ["cirkulær-omstilling"], 2),
        ("municipality", [str(AARHUS)], 3),
        ("municipality", [str(AARHUS), str(ODENSE)], 4),
        ("region", [str(SYDDANMARK)], 3),
        ("year", ["2025"], 2),
        ("year", ["1999"], 0),
    ],
)
def test_each_facet_narrows(engine, facet, values, expected_total):
    results = search(engine, "", filters={facet: values})
    assert results.total == expected_total
    # The facet's own counts still show the other values (several can be combined).
    if facet == "kind":
        assert results.facets["kind"]["strategy"] == 1


def test_facets_combine_and_count_within_the_query(engine):
    results = search(engine, "", filters={"municipality": [str(AARHUS)], "kind": ["action"]})
    assert titles(results) == {"Genbrugsværksted på museet"}
    # Kind counts are for Aarhus only; municipality counts are for actions only.
    assert results.facets["kind"] == {"strategy": 1, "action": 1, "case": 1}
    assert results.facets["municipality"] == {str(AARHUS): 1}
    # A text query narrows the counts too.
    text = search(engine, "energi")
    assert text.facets["kind"] == {"strategy": 1, "case": 1}


def test_hits_are_highlighted_with_mark(engine):
    hit = next(hit for hit in search(engine, "biblioteker").hits if hit.title.startswith("Handlingsplan"))
    assert "<mark>biblioteket</mark>" in hit.title_html
    assert "<mark>biblioteker</mark>" in hit.snippet_html


def test_markup_in_content_is_escaped(engine):
    hit = search(engine, "kulturnat").hits[0]
    assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
    assert "<img" not in hit.snippet_html and "<b>" not in hit.title_html
    assert "<mark>Kulturnat</mark>" in hit.title_html


def test_pagination_and_a_page_beyond_the_last(engine):
    first = search(engine, "", per_page=4)
    second = search(engine, "", per_page=4, page=2)
    assert len(first.hits) == 4 and len(second.hits) == 2
    assert not {hit.key for hit in first.hits} & {hit.key for hit in second.hits}
    beyond = search(engine, "", per_page=4, page=50)
    assert beyond.page == 2 and len(beyond.hits) == 2


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "kultur\x00\x07\x1b[31m",
        '"grøn omstilling',
        'grøn" omstilling"',
        '* ? : ( ) ~ ^ "',
        "title:kultur OR body:(museum^3) AND NOT -genbrug~2",
        "bibliotek* kul?ur",
        "'; DROP TABLE search_indexentry; --",
        "NEAR(kultur museum) {title} [1 TO 5]",
        "\u202eøvelse\ufeff",
        "___ _ __init__",
        "😀 🌱 ＫＵＬＴＵＲ",
        '"og i på" ""',
    ],
)
def test_bad_input_never_fails(engine, query):
    results = search(engine, query)
    assert results.total >= 0
    assert search(engine, "museet").total == 1  # the index survived


def test_unbalanced_quote_reads_as_a_closed_phrase(engine):
    assert titles(search(engine, '"grøn omstilling')) == {"Case: musikskolen sparer energi"}


def test_query_syntax_characters_are_plain_text(engine):
    assert "Genbrugsværksted på museet" in titles(search(engine, "museet*"))
    assert search(engine, "(((").total == 6  # nothing to search for: browse everything


def test_unknown_words_give_nothing_and_maybe_a_suggestion(engine):
    results = search(engine, "musikskolne")
    assert results.total == 0
    if engine.name == "database":
        assert results.suggestion.startswith("musikskole")
    if results.suggestion:
        assert search(engine, results.suggestion).total > 0
    # Known words are not "corrected".
    assert search(engine, "musikskolen kattekilling").suggestion in ("", "musikskolen")


# What Danes type (issue 13): folded letters, compounds, stemmer gaps, synonyms, OR and -ord.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Århus", "Strategi for kulturinstitutioner i Aarhus"),  # å typed for the aa of the text
        ("genbrugsvaerksted", "Genbrugsværksted på museet"),  # æ typed as ae
        ("reparationscafeer", "Handlingsplan: biblioteket som grønt samlingssted"),  # é typed as e
        ("GROENT", "Handlingsplan: biblioteket som grønt samlingssted"),
        # æ, ø, å typed as the plain vowel, as on a keyboard without them
        ("gront", "Handlingsplan: biblioteket som grønt samlingssted"),
        ("gronne", "Strategi for kulturinstitutioner i Aarhus"),  # "grønne" in its body
        ("vaerksted museet", "Genbrugsværksted på museet"),
        ("genbrugsvarksted", "Genbrugsværksted på museet"),
        ("abner", "Handlingsplan: biblioteket som grønt samlingssted"),  # "åbner" in its summary
    ],
)
def test_letters_typed_without_danish_letters_find_them(engine, query, expected):
    assert expected in titles(search(engine, query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("værksted", "Genbrugsværksted på museet"),  # the last part of a compound
        ("genbrug værksted", "Genbrugsværksted på museet"),  # its parts typed apart
        ("musik skole", "Case: musikskolen sparer energi"),
        ("samling", "Handlingsplan: biblioteket som grønt samlingssted"),  # samling-s-sted
    ],
)
def test_compounds_are_found_by_their_parts(engine, query, expected):
    assert expected in titles(search(engine, query))


def test_museum_finds_museet(engine):
    assert "Genbrugsværksted på museet" in titles(search(engine, "museum"))


@pytest.mark.django_db
def test_editors_synonyms_count_at_once(engine):
    from search.models import SynonymGroup

    SynonymGroup.objects.all().delete()  # the groups migration 0004 starts with
    assert search(engine, "genanvendelse").total == 0
    SynonymGroup.objects.create(words="genanvendelse, genbrug")
    found = titles(search(engine, "genanvendelse"))
    assert {"Genbrugsværksted på museet", "Handlingsplan: biblioteket som grønt samlingssted"} <= found


def test_or_joins_two_words_and_minus_leaves_one_out(engine):
    either = titles(search(engine, "vejle OR odenses"))
    assert either == {"Case: musikskolen sparer energi", "Handlingsplan: biblioteket som grønt samlingssted"}
    assert "Workshop om grøn dannelse" not in titles(search(engine, "grøn -dannelse"))
    assert "Workshop om grøn dannelse" in titles(search(engine, "grøn"))
