"""The Elasticsearch engine without a cluster: its mapping, its compiled queries and its fallback."""

import dataclasses
import logging

import pytest

from cms.models import StandardPage
from search.engines import SearchRequest, database_engine, get_engine, index_engines
from search.engines.database import DatabaseEngine
from search.engines.elastic import ElasticsearchEngine, SearchEntry, build_index, marked
from search.models import IndexEntry
from search.text import parse_query

from .corpus import corpus

CLOSED_PORT = "http://127.0.0.1:9"


def compiled(q="", **options):
    engine = ElasticsearchEngine(CLOSED_PORT, index_name="test-index")
    return engine.build(SearchRequest(query=parse_query(q), **options))._s.to_dict()


def matching(body):
    """The bool query of the words, inside the function score that ranks documents that are not pages lower."""
    score = body["query"]["function_score"]
    assert score["functions"] == [{"filter": {"bool": {"must_not": [{"exists": {"field": "page_id"}}]}}, "weight": 0.5}]
    return score["query"]["bool"]


def test_mapping_has_danish_analysis_with_decompounding_and_synonyms():
    settings = build_index("x").to_dict()["settings"]
    analysis = settings["analysis"]
    index_filters = analysis["analyzer"]["danish_index"]["filter"]
    search_filters = analysis["analyzer"]["danish_search"]["filter"]
    assert index_filters == [
        "lowercase",
        "danish_stop",
        "danish_decompounder",
        "danish_stem_exceptions",
        "danish_stemmer",
    ]
    assert search_filters == index_filters
    assert analysis["analyzer"]["danish_index"]["char_filter"] == ["danish_folding"]
    assert "ø => oe" in analysis["char_filter"]["danish_folding"]["mappings"]
    assert "museet => museum" in analysis["filter"]["danish_stem_exceptions"]["rules"]
    assert analysis["filter"]["danish_stemmer"] == {"type": "stemmer", "language": "danish"}
    assert analysis["filter"]["danish_stop"]["stopwords"] == "_danish_"
    decompounder = analysis["filter"]["danish_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert {"kultur", "institution", "bibliotek", "museum", "musik", "skole", "reparation", "cafe"} <= set(
        decompounder["word_list"]
    )


def test_or_groups_synonyms_and_excluded_words_in_the_query():
    engine = ElasticsearchEngine(CLOSED_PORT, index_name="test-index")
    query = parse_query("grøn OR kultur genbrug -museum").with_synonyms(
        {"genbrug": ("genanvendelse", "cirkulær økonomi")}
    )
    body = matching(engine.build(SearchRequest(query=query))._s.to_dict())
    either, synonyms = body["must"]
    assert [way["multi_match"]["query"] for way in either["bool"]["should"]] == ["grøn", "kultur"]
    ways = synonyms["bool"]["should"]
    assert [way["multi_match"]["query"] for way in ways] == ["genbrug", "genanvendelse", "cirkulær økonomi"]
    assert ways[2]["multi_match"]["type"] == "phrase"
    assert body["must_not"][0]["multi_match"]["query"] == "museum"


def test_document_fields():
    mapping = SearchEntry._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"] == {
        "type": "text",
        "analyzer": "danish_index",
        "search_analyzer": "danish_search",
        "copy_to": "suggest",
        # æ, ø, å read as a, o, a: what a visitor without those keys types (gront, kobenhavn)
        "fields": {"plain": {"type": "text", "analyzer": "danish_plain"}},
    }
    for facet_field in ("kind", "themes", "municipalities", "regions", "year", "key", "group"):
        assert mapping[facet_field] == {"type": "keyword"}
    assert mapping["date"] == {"type": "date"}
    assert mapping["suggest"]["analyzer"] == "suggest_trigram"


def test_document_from_search_document():
    document = dataclasses.replace(corpus(1)[0], theme_text="Klimavenlig drift af kulturinstitutioner")
    source = SearchEntry.from_document(document, "PDF-tekst").to_dict()
    assert source["municipalities"] == ["751"] and source["regions"] == ["1082"] and source["year"] == ["2024"]
    assert source["attachments"] == "PDF-tekst" and source["themes"] == ["klimavenlig-drift-af-kulturinstitutioner"]
    # The theme's own words are searchable on every document that carries it, as on the database engines.
    assert source["theme_text"] == "Klimavenlig drift af kulturinstitutioner"


def test_words_must_all_match_and_phrases_are_phrases():
    query = matching(compiled('kultur museum "grøn omstilling"'))["must"]
    words, phrase = query
    assert words["multi_match"] == {
        "query": "kultur museum",
        "fields": [
            "title^4",
            "summary^2",
            "body",
            "attachments",
            "theme_text",
            "title.plain^4",
            "summary.plain^2",
            "body.plain",
            "attachments.plain",
            "theme_text.plain",
        ],
        "type": "cross_fields",
        "operator": "and",
    }
    assert phrase["multi_match"]["type"] == "phrase" and phrase["multi_match"]["query"] == "grøn omstilling"


def test_syntax_characters_never_reach_a_query_parser():
    body = compiled('title:(kultur* OR ~museum^3) "')
    assert "query_string" not in str(body)
    plain, either = matching(body)["must"]
    assert plain["multi_match"]["query"] == "title 3"  # OR joins the words around it; the rest is plain
    assert [way["multi_match"]["query"] for way in either["bool"]["should"]] == ["kultur", "museum"]


def test_facet_filters_post_filter_and_per_facet_aggregations():
    body = compiled("", filters={"theme": ["samskabelse"], "municipality": ["751", "461"]})
    post = body["post_filter"]["bool"]["must"]
    assert {"terms": {"themes": ["samskabelse"]}} in post
    assert {"terms": {"municipalities": ["751", "461"]}} in post
    # A facet's own selection does not narrow its counts; the other facets' selections do.
    theme_filter = body["aggs"]["_filter_theme"]["filter"]
    assert theme_filter == {"terms": {"municipalities": ["751", "461"]}}
    # Counts are of groups (an action plan and its actions count once), and so is the total.
    assert body["aggs"]["_filter_year"]["aggs"]["year"] == {
        "terms": {"field": "year", "size": 100},
        "aggs": {"metric": {"cardinality": {"field": "group"}}},
    }
    groups = body["aggs"]["_filter_groups"]
    assert groups["filter"] == body["post_filter"]
    assert groups["aggs"]["groups"]["cardinality"]["field"] == "group"


def test_hits_are_collapsed_to_one_per_group_with_the_matching_members():
    body = compiled("kultur")
    assert body["collapse"]["field"] == "group"
    assert body["collapse"]["inner_hits"]["name"] == "matches"


def test_plain_vowels_read_like_the_letters():
    settings = build_index("x").to_dict()["settings"]["analysis"]
    assert settings["analyzer"]["danish_plain"]["char_filter"] == ["danish_plain_folding"]
    assert "ø => o" in settings["char_filter"]["danish_plain_folding"]["mappings"]
    assert "gront => gron" in settings["filter"]["danish_stem_exceptions"]["rules"]


def test_paging_sorting_timeout_highlighting_and_suggestions():
    body = compiled("kultur", page=3, per_page=10)
    assert (body["from"], body["size"]) == (20, 10)
    assert body["sort"][0] == "_score"
    assert body["timeout"] == "2000ms"
    assert set(body["highlight"]["fields"]) == {"title", "summary", "body", "attachments"}
    assert body["suggest"]["spelling"]["phrase"]["field"] == "suggest"
    newest = compiled("kultur", sort="newest")
    assert newest["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    browse = compiled("")
    assert "query" not in browse and "suggest" not in browse


def test_highlight_markers_become_mark_and_everything_else_is_escaped():
    assert marked('<b>\x02Kultur\x03</b> & "fest"') == ("&lt;b&gt;<mark>Kultur</mark>&lt;/b&gt; &amp; &quot;fest&quot;")


def test_engine_is_chosen_by_setting(settings):
    settings.ELASTICSEARCH_URL = ""
    assert isinstance(get_engine(), DatabaseEngine)
    assert [engine.name for engine in index_engines()] == ["database"]
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    assert isinstance(get_engine(), ElasticsearchEngine)
    assert [engine.name for engine in index_engines()] == ["database", "elasticsearch"]


@pytest.mark.django_db
def test_unreachable_cluster_falls_back_to_the_database_with_a_warning(client, home_page, settings, caplog):
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with caplog.at_level(logging.WARNING, logger="search.engines.elastic"):
        response = client.get("/soeg/?q=biblioteker")
    assert response.status_code == 200
    assert "Handlingsplan: <mark>biblioteket</mark> som grønt samlingssted" in response.content.decode()
    assert "searching the database instead" in caplog.text
    results = get_engine().search(SearchRequest(query=parse_query("biblioteker")))
    assert results.fell_back and results.engine == "database" and results.total == 2


@pytest.mark.django_db
def test_publishing_works_and_updates_the_database_index_when_the_cluster_is_down(home_page, settings, caplog):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    page = StandardPage(title="Klimaweekend", slug="klimaweekend", live=False)
    home_page.add_child(instance=page)
    with caplog.at_level(logging.ERROR, logger="search.pipeline"):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    assert IndexEntry.objects.filter(page=page).exists()
    assert "elasticsearch could not index" in caplog.text


def test_a_hit_from_the_cluster_becomes_a_highlighted_result():
    source = {
        "key": "page:1",
        "page_id": 1,
        "kind": "case",
        "url": "/case/",
        "title": "Kulturhuset <i>sparer</i>",
        "summary": "",
        "body": "",
        "date": "2024-03-01T00:00:00",
        "municipalities": ["751"],
        "themes": ["samskabelse"],
    }
    highlight = {"title": ["\x02Kulturhuset\x03 <i>sparer</i>"], "body": ["grønne \x02kulturhuse\x03 & <script>"]}
    raw = SearchEntry.from_es({"_index": "i", "_id": "page:1", "_source": source, "highlight": highlight})
    hit = ElasticsearchEngine(CLOSED_PORT)._hit(raw, {"kulturhus"})
    assert hit.title_html == "<mark>Kulturhuset</mark> &lt;i&gt;sparer&lt;/i&gt;"
    assert hit.snippet_html == "grønne <mark>kulturhuse</mark> &amp; &lt;script&gt;"
    assert hit.municipalities == [751] and hit.date.isoformat() == "2024-03-01"
