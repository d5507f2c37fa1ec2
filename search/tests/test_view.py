"""The search page as visitors use it: /soeg/."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from cms.models import StandardPage
from search.engines import database_engine

from .corpus import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(home_page):
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    return home_page


def get(client, query=""):
    response = client.get("/soeg/" + query)
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_page_is_a_search_landmark_with_a_labelled_field(client, indexed):
    _response, html = get(client)
    assert 'role="search"' in html
    assert '<label for="search-q">' in html and 'id="search-q" name="q"' in html
    assert 'role="status" aria-live="polite"' in html
    assert html.count("<h1") == 1


def test_search_pages_are_not_indexed_and_cached_only_briefly(client, indexed):
    response, html = get(client, "?q=kultur")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex' in html
    # Browsers ask again every time; the page cache may keep one answer for 30 s (cms/middleware.py).
    assert "max-age=0" in response["Cache-Control"] and "s-maxage=30" in response["Cache-Control"]


def test_results_show_type_municipality_date_and_marked_snippet(client, indexed):
    _response, html = get(client, "?q=biblioteker")
    assert "2 resultater for “biblioteker”" in html
    assert "Handlingsplan: <mark>biblioteket</mark> som grønt samlingssted" in html
    assert 'class="search-hit__kind">Handlingsplan<' in html
    assert "<span>Odense</span>" in html
    assert '<time datetime="2025-05-01">1. maj 2025</time>' in html


def test_facets_are_checkboxes_in_fieldsets_with_counts_and_narrow(client, indexed):
    _response, html = get(client)
    assert "<legend>Kommune</legend>" in html
    assert 'name="kommune" id="facet-kommune-aarhus" value="aarhus"' in html
    assert 'Aarhus <span class="facet__count">(3)</span>' in html
    _response, html = get(client, "?kommune=aarhus&kommune=odense&type=case&type=strategy")
    assert "2 sider og dokumenter i alt" in html
    assert 'value="aarhus" checked' in html and 'value="odense" checked' in html


def test_theme_region_and_year_filters(client, indexed):
    _response, html = get(client, "?tema=cirkulær-omstilling&region=region-midtjylland&aar=2023")
    assert "1 side og dokument i alt" in html
    assert "Genbrugsværksted på museet" in html


def test_unknown_filter_values_are_ignored_with_a_message(client, indexed):
    _response, html = get(client, "?tema=findes-ikke&kommune=atlantis&aar=abcd&type=x&region=0")
    assert html.count("findes ikke og er ikke brugt") == 5
    assert "6 sider og dokumenter i alt" in html


def test_sorting_and_pagination(client, indexed, settings):
    _response, html = get(client, "?sortering=nyeste")
    assert html.index("Handlingsplan: biblioteket") < html.index("Strategi for kulturinstitutioner")
    _response, html = get(client, "?sortering=tilfaeldig")
    assert "Ukendt sortering" in html


def test_page_beyond_the_last_shows_the_last_page_with_a_message(client, indexed):
    _response, html = get(client, "?side=999999")
    assert "Her er den sidste side" in html
    _response, html = get(client, "?side=-3")
    assert "Sidetallet forstod vi ikke" in html


def test_no_results_says_so_suggests_and_links_the_themes(client, indexed):
    _response, html = get(client, "?q=musikskolne&rettelse=nej")  # as typed, not corrected
    assert "Vi fandt ingen sider" in html
    assert "Mente du" in html and "?q=musikskole" in html
    assert 'href="?tema=gr%C3%B8n-dannelse"' in html


def test_promoted_pages_come_first_and_only_when_public(client, indexed):
    promoted = StandardPage(title="Medlemskab af netværket", slug="medlemskab")
    indexed.add_child(instance=promoted)
    hidden = StandardPage(title="Skjult side", slug="skjult")
    indexed.add_child(instance=hidden)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    query = Query.get("Bliv medlem")
    SearchPromotion.objects.create(
        query=query, page=promoted, description="Sådan bliver kommunen medlem.", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=1)
    _response, html = get(client, "?q=bliv+medlem")
    assert "Anbefalet" in html and "Medlemskab af netværket" in html
    assert "Sådan bliver kommunen medlem." in html
    assert "Skjult side" not in html


def test_long_queries_are_cut_with_a_message(client, indexed):
    _response, html = get(client, "?q=" + "kultur " * 2000)
    assert "Vi har brugt de første 200 tegn" in html


@pytest.mark.parametrize(
    "query",
    [
        "?q=%00%01%1b",
        "?q=%22gr%C3%B8n",
        "?q=*+%3F+%3A+(+)+~+%5E+%22",
        "?q=kultur&side=abc",
        "?q=kultur&side=99999999999999999999",
        "?kommune=" + "x" * 5000,
        "?" + "&".join(f"tema=t{i}" for i in range(50)),
        "?q=%ED%A0%80",  # an invalid UTF-8 sequence
    ],
)
def test_bad_input_gives_a_page_never_an_error(client, indexed, query):
    get(client, query)


def test_query_count_does_not_grow_with_results(client, indexed):
    from dataclasses import replace

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        get(client, "?q=energi&kommune=aarhus")  # settings rows are created on the first visit
        # ... which starts a new content generation (cms.content_cache); the next visit fills it again.
        get(client, "?q=energi&kommune=aarhus")
        with CaptureQueriesContext(connection) as context:
            get(client, "?q=energi&kommune=aarhus")
        return len(context)

    small = queries()
    extra = [
        (replace(document, key=f"{document.key}:{number}"), "")
        for number in range(20)
        for document in corpus(indexed.pk)
    ]
    database_engine().index(extra, [])
    # The count is the same with 21 times the documents; 11 on SQLite (13 before the menus and settings were kept).
    assert queries() == small <= 14


def test_header_search_form_on_every_page(client, indexed):
    html = client.get("/").content.decode()
    assert 'action="/soeg/"' in html and 'id="site-search-q"' in html


def test_english_search_page(client, indexed):
    response = client.get("/en/soeg/?q=energi")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html and "Case: musikskolen sparer <mark>energi</mark>" in html


def test_content_types_read_in_english_on_the_english_search_page(client, indexed):
    html = client.get("/en/soeg/").content.decode()
    assert 'Strategy <span class="facet__count">' in html
    assert 'Workshop output <span class="facet__count">' in html
    assert '<span class="search-hit__kind">Strategy</span>' in html
    assert 'Strategi <span class="facet__count">' not in html


def test_a_misspelling_that_finds_nothing_shows_the_corrected_results_at_once(client, indexed):
    _response, html = get(client, "?q=musikskolne")
    assert "Viser resultater for <i>musikskole</i>." in html  # "Vejle Musikskole" is the closest word
    assert "Case: <mark>musikskolen</mark> sparer energi" in html
    # The query as typed is one click away, and then it is not corrected.
    assert 'href="?q=musikskolne&amp;rettelse=nej"' in html
    _response, typed = get(client, "?q=musikskolne&rettelse=nej")
    assert "Viser resultater for" not in typed and "sparer energi" not in typed


def test_a_query_of_stop_words_only_says_so(client, indexed):
    _response, html = get(client, "?q=og+det")
    assert "kun af meget almindelige ord" in html


def test_quoted_words_are_not_replaced_but_a_correction_that_finds_something_is_offered(client, indexed):
    _response, html = get(client, '?q="musikskolne+sparer"')
    assert "Viser resultater for" not in html and "Vi fandt ingen sider" in html
    assert "Mente du" in html


def test_a_plan_shows_once_with_its_matching_actions_linked_in_both_languages(client, home_page):
    from .test_contract_groups import PLAN, documents

    database_engine().rebuild([[(document, "") for document in documents(home_page.pk)]])
    _response, html = get(client, "?q=klimaregnskab")
    assert "2 resultater" in html and html.count("search-hit__title") == 2
    assert "3 handlinger matcher" in html and PLAN in html
    assert 'href="/aarhus/handlingsplan/#handling-1"><mark>Klimaregnskab</mark> for biblioteker</a>' in html
    _response, html = get(client, "?q=solceller+spillestedet")
    assert "1 handling matcher" in html
    html = client.get("/en/soeg/?q=klimaregnskab").content.decode()
    assert "3 matching actions" in html
