"""The engines' declared interface, the choice of engine, paging and "did you mean"."""

from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured

import pytest

import search.engines
from search.engines import SearchEngine, SearchRequest, database_engine, last_page
from search.engines.database import index_version
from search.engines.elastic import ElasticsearchEngine
from search.engines.postgres import PostgresEngine
from search.engines.sqlite import SqliteEngine
from search.text import parse_query

from .corpus import corpus


@pytest.fixture
def engine(home_page):
    engine = database_engine()
    engine.rebuild([[(document, "") for document in corpus(home_page.pk)]])
    return engine


def test_every_engine_implements_the_declared_interface():
    for engine in (PostgresEngine(), SqliteEngine(), ElasticsearchEngine("http://127.0.0.1:9")):
        assert isinstance(engine, SearchEngine)


@pytest.mark.django_db
def test_the_engine_is_chosen_by_the_database(monkeypatch):
    from django.db import connection

    expected = {"postgresql": PostgresEngine, "sqlite": SqliteEngine}[connection.vendor]
    assert type(database_engine()) is expected
    monkeypatch.setattr(search.engines, "connection", SimpleNamespace(vendor="oracle"))
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL and SQLite"):
        database_engine()


def test_last_page():
    assert [last_page(total, 10) for total in (0, 1, 10, 11, 100)] == [1, 1, 1, 2, 10]


def test_results_know_their_last_page(engine):
    results = engine.search(SearchRequest(query=parse_query(""), per_page=4, page=9))
    assert (results.total, results.page, results.last_page) == (6, 2, 2)


def test_browsing_reads_the_entries_table_and_words_read_the_matches(engine):
    browse, cached = engine.statement(SearchRequest(query=parse_query("")), 1)
    assert "WITH matched" not in browse.text and "FROM search_indexentry m" in browse.text
    assert cached == ["kind", "theme", "municipality", "region", "year"]  # counted once, then cached
    words, cached = engine.statement(SearchRequest(query=parse_query("kultur")), 1)
    assert words.text.startswith("WITH matched AS") and "FROM matched m" in words.text
    assert cached == []
    assert words.text.count("%s") == len(words.params)


def test_the_spelling_vocabulary_knows_the_indexed_words_and_only_those(engine):
    vocabulary = engine.vocabulary(index_version())
    assert "musikskolen" in vocabulary.words
    assert vocabulary.knows("musikskolen") and vocabulary.knows("musikskoler")  # another form of a known word
    assert vocabulary.knows("og")  # stop words are never respelled
    # Nothing but indexed words: the vocabulary's own bookkeeping names are not words.
    assert not vocabulary.knows("__words__") and not vocabulary.knows("__stems__")
    assert not vocabulary.knows("musikskolne")


def test_did_you_mean_respells_unknown_words_and_keeps_known_ones(engine):
    first, second = engine.suggest(parse_query("musikskolne grønne")).split()
    assert first.startswith("musikskole") and second == "grønne"
    assert engine.suggest(parse_query("musikskolen grønne")) == ""  # nothing to respell
    assert engine.suggest(parse_query("kattekilling")) == ""  # nothing close enough
    assert engine.search(SearchRequest(query=parse_query("biblioteekerne"))).suggestion == "biblioteker"
