"""The relevance command: measures of the current index against a graded query set."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection

import pytest

from search import relevance
from search.engines import database_engine
from search.management.commands.search_relevance import Command as SearchRelevance

from .corpus import corpus

QUERIES = """
[[query]]
q = "museum"
category = "stemming"
grades = { "/test/genbrug-museum/" = 2 }

[[query]]
q = "vaerksted"
category = "folded"
grades = { "/test/genbrug-museum/" = 2 }

[[query]]
q = "xyzzy"
category = "edges"
grades = { "/test/genbrug-museum/" = 2 }

[[query]]
q = "og det"
category = "edges"
grades = {}
"""


def test_measures_of_one_query():
    perfect = relevance.score([2, 1, 0], [2, 1, 0, 0])
    assert perfect.ndcg == pytest.approx(1.0) and perfect.reciprocal_rank == 1.0 and perfect.precision == 0.4
    late = relevance.score([0, 0, 2], [2, 0, 0])
    assert late.ndcg == pytest.approx(0.5) and late.reciprocal_rank == pytest.approx(1 / 3)
    assert relevance.score([], [2]).zero


def test_selectors():
    document = relevance.Document("/kommuner/s%C3%B8nderborg/handlingsplan/#handling-3", "action", frozenset({"x"}))
    assert relevance.grade({"/kommuner/sønderborg/*": 1}, document) == 1
    assert relevance.grade({"theme:x": 2, "kind:strategy": 1}, document) == 2
    assert relevance.grade({"/kommuner/sønderborg/handlingsplan/": 2}, document) == 0


def test_a_result_is_graded_by_what_it_shows_and_a_plan_with_its_actions_is_one_result():
    plan = relevance.Document("/aarhus/handlingsplan/", "action-plan", frozenset(), "page:1")
    first = relevance.Document("/aarhus/handlingsplan/#handling-1", "action", frozenset(), "page:1")
    second = relevance.Document("/aarhus/handlingsplan/#handling-2", "action", frozenset(), "page:1")
    case = relevance.Document("/cases/a/", "case", frozenset(), "page:2")
    grades = {"/aarhus/handlingsplan/#handling-1": 2, "/aarhus/handlingsplan/#handling-2": 2, "kind:case": 1}
    assert relevance.result_grade(grades, [plan, first]) == 2
    assert relevance.result_grade(grades, [plan]) == 0
    # The ideal first page has the plan once (two relevant actions in it are one result), then the case.
    assert sorted(relevance.group_grades(grades, [plan, first, second, case]), reverse=True) == [2, 1]
    ungrouped = relevance.Document("/om/", "page", frozenset())
    assert relevance.group_grades({"/om/": 2}, [ungrouped, ungrouped]) == [2, 2]


def test_the_shipped_set_has_every_category_and_at_least_60_queries():
    judged = relevance.load()
    assert len(judged) >= 60
    categories = {item.category for item in judged}
    assert {"folded", "compounds", "typos", "stemming", "themes", "pages", "synonyms", "numbers"} <= categories
    assert {"repeats", "edges"} <= categories


def test_the_command_prints_measures_per_category(home_page, tmp_path):
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    queries = tmp_path / "queries.toml"
    queries.write_text(QUERIES, encoding="utf-8")
    out = StringIO()
    call_command("search_relevance", queries=str(queries), stdout=out)
    lines = {line.split()[0]: line.split() for line in out.getvalue().splitlines() if line.strip()}
    assert lines["stemming"][1:] == ["1", "1.000", "1.000", "0.200", "0.0%"]
    assert lines["edges"][1:] == ["1", "0.000", "0.000", "0.000", "100.0%"]
    assert lines["(alle)"][1] == "3"
    # "og det" lists everything (with a message on the page), so it does not count as finding nothing.
    assert "queries that should find nothing: 0 of 1 found nothing" in out.getvalue()


def test_the_command_refuses_an_empty_index(db, tmp_path):
    with pytest.raises(CommandError, match="empty"):
        call_command("search_relevance", stdout=StringIO())


def test_every_graded_target_of_the_shipped_set_is_a_document_the_demo_indexes(db):
    # The grades name pages and actions by address and anchor: a rewrite of the demo content that
    # renames or renumbers them must fail here, not silently lower the relevance figures.
    # Action anchors carry the action's id, which on a fresh database follows load_demo's order; on
    # PostgreSQL earlier tests have moved the sequences on (a rollback keeps them), so restart them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)
    call_command("load_demo", stdout=StringIO())
    documents = SearchRelevance().documents()
    assert documents, "load_demo left the search index empty"
    missing = []
    for item in relevance.load():
        for selector in item.grades:
            if not any(relevance.grade({selector: 1}, document) for document in documents):
                missing.append(f"{item.q!r}: {selector}")
        if item.grades:
            best = max(relevance.grade(item.grades, document) for document in documents)
            assert best == 2, f"{item.q!r}: no indexed document is graded 2"
    assert not missing, "graded targets the demo does not index:\n" + "\n".join(missing)
