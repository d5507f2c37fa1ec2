"""The engine contract for results that are groups and for documents that are not pages.

An action plan and its actions are one result: the plan, with the actions that matched listed
under it and linked to their place on the plan's page; the total, the pages of hits and every
facet count the plan once. Runs on the database engine (SQLite or PostgreSQL, whichever the tests
run on) and on Elasticsearch when ELASTICSEARCH_URL is set.
"""

import datetime

import pytest

from search.documents import Kind, SearchDocument
from search.engines import SearchRequest, database_engine
from search.text import parse_query

from .corpus import AARHUS, MIDTJYLLAND, ODENSE, SYDDANMARK, elasticsearch_url, unique_index_name

PLAN = "Handlingsplan for grøn kultur i Aarhus"
CLIMATE = "klimavenlig-drift-af-kulturinstitutioner"


def documents(page_id):
    plan_key = f"page:{page_id}:plan"

    def doc(key, **fields):
        fields.setdefault("municipalities", [AARHUS])
        fields.setdefault("regions", [MIDTJYLLAND])
        return SearchDocument(key=key, page_id=page_id, **fields)

    def action(number, title, themes, date, body=""):
        return doc(
            f"{plan_key}:action:{number}",
            title=title,
            kind=Kind.ACTION,
            url=f"/aarhus/handlingsplan/#handling-{number}",
            summary=f"{title}.",
            body=body,
            themes=themes,
            date=date,
            group=plan_key,
        )

    return [
        doc(
            plan_key,
            title=PLAN,
            kind=Kind.ACTION_PLAN,
            url="/aarhus/handlingsplan/",
            summary="Aarhus' plan for kulturlivet 2025-2028.",
            body="Klimaregnskab for biblioteker. Klimaregnskab for museer. Solceller på spillestedet.",
            themes=["samskabelse"],
            date=datetime.date(2025, 1, 1),
        ),
        action(1, "Klimaregnskab for biblioteker", [CLIMATE], datetime.date(2025, 3, 1)),
        action(2, "Klimaregnskab for museer", [CLIMATE], datetime.date(2026, 3, 1)),
        action(
            3, "Solceller på spillestedet", ["cirkulær-omstilling"], datetime.date(2027, 3, 1), body="Et klimaregnskab."
        ),
        doc(
            f"page:{page_id}:case",
            title="Case: klimaregnskab på Odense Musikskole",
            kind=Kind.CASE,
            url="/cases/musikskole/",
            summary="Musikskolen lavede sit første klimaregnskab.",
            themes=["klimavenlig-drift-af-kulturinstitutioner"],
            municipalities=[ODENSE],
            regions=[SYDDANMARK],
            date=datetime.date(2024, 6, 1),
        ),
        SearchDocument(
            key="directory.organisation:7",
            page_id=None,
            title="Godsbanen",
            kind=Kind.ORGANISATION,
            url="/organisationer/godsbanen/",
            summary="Kulturproduktionscenter i Aarhus.",
            municipalities=[AARHUS],
            regions=[MIDTJYLLAND],
        ),
    ]


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, home_page):
    items = [(document, "") for document in documents(home_page.pk)]
    if request.param == "database":
        engine = database_engine()
        engine.rebuild([items])
        yield engine
        return
    url = elasticsearch_url()
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: the Elasticsearch engine's contract tests need a running cluster")
    from search.engines.elastic import ElasticsearchEngine

    engine = ElasticsearchEngine(url, index_name=unique_index_name())
    engine.rebuild([items])
    yield engine
    engine.client.indices.delete(index=f"{engine.alias}-*", ignore_unavailable=True)


def search(engine, q="", **options):
    return engine.search(SearchRequest(query=parse_query(q), **options))


def test_a_plan_and_its_matching_actions_are_one_result(engine):
    results = search(engine, "klimaregnskab")
    assert results.total == 2
    assert sorted(hit.title for hit in results.hits) == sorted([PLAN, "Case: klimaregnskab på Odense Musikskole"])
    plan = next(hit for hit in results.hits if hit.title == PLAN)
    assert plan.url == "/aarhus/handlingsplan/" and plan.kind == "action-plan"
    assert {(match.title, match.url) for match in plan.matches} == {
        ("Klimaregnskab for biblioteker", "/aarhus/handlingsplan/#handling-1"),
        ("Klimaregnskab for museer", "/aarhus/handlingsplan/#handling-2"),
        ("Solceller på spillestedet", "/aarhus/handlingsplan/#handling-3"),
    }
    # Title matches first among the actions; the marks are on the action titles.
    assert {match.title for match in plan.matches[:2]} == {"Klimaregnskab for biblioteker", "Klimaregnskab for museer"}
    assert "<mark>Klimaregnskab</mark>" in str(plan.matches[0].title_html)


def test_a_plan_found_only_through_its_actions_is_the_result(engine):
    results = search(engine, "solceller spillestedet", filters={"theme": ["cirkulær-omstilling"]})
    assert results.total == 1
    (hit,) = results.hits
    assert hit.title == PLAN
    assert [match.title for match in hit.matches] == ["Solceller på spillestedet"]


def test_facets_count_the_plan_once(engine):
    results = search(engine, "klimaregnskab")
    assert results.facets["municipality"] == {str(AARHUS): 1, str(ODENSE): 1}
    assert results.facets["region"] == {str(MIDTJYLLAND): 1, str(SYDDANMARK): 1}
    # Two of the plan's actions carry the theme: the plan counts once.
    assert results.facets["theme"]["klimavenlig-drift-af-kulturinstitutioner"] == 2
    assert results.facets["theme"]["cirkulær-omstilling"] == 1
    assert sum(results.facets["year"].values()) >= results.total
    assert results.facets["year"]["2026"] == 1 and results.facets["year"]["2024"] == 1


def test_browsing_counts_groups_and_pages_by_group(engine):
    results = search(engine, "")
    assert results.total == 3  # the plan (with three actions), the case, the organisation
    assert results.facets["municipality"][str(AARHUS)] == 2
    first = search(engine, "", per_page=2)
    second = search(engine, "", per_page=2, page=2)
    assert first.last_page == 2 and len(first.hits) == 2 and len(second.hits) == 1
    titles = [hit.title for hit in first.hits + second.hits]
    assert sorted(titles) == sorted([PLAN, "Case: klimaregnskab på Odense Musikskole", "Godsbanen"])


def test_a_filter_on_the_actions_kind_finds_their_plan(engine):
    results = search(engine, "klimaregnskab", filters={"kind": ["action"]})
    assert [hit.title for hit in results.hits] == [PLAN]
    assert results.total == 1 and len(results.hits[0].matches) == 3


def test_newest_first_dates_a_plan_by_its_own_date(engine):
    results = search(engine, "klimaregnskab", sort="newest")
    assert [hit.title for hit in results.hits] == [PLAN, "Case: klimaregnskab på Odense Musikskole"]
    assert results.hits[0].date == datetime.date(2025, 1, 1)


def test_documents_that_are_not_pages_are_found_and_removed_by_their_key(engine, home_page):
    results = search(engine, "godsbanen")
    assert [(hit.title, hit.kind, hit.url, hit.page_id) for hit in results.hits] == [
        ("Godsbanen", "organisation", "/organisationer/godsbanen/", None)
    ]
    assert search(engine, "kulturproduktionscenter aarhus").total == 1
    engine.remove([], ["directory.organisation:7"])
    assert search(engine, "godsbanen").total == 0
    assert search(engine, "klimaregnskab").total == 2  # the pages' documents stay
    engine.remove([home_page.pk])
    assert search(engine, "").total == 0
