"""The public search page, /soeg/."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.correction import Answer, search_with_correction
from search.engines import get_engine
from search.params import PARAMETERS, SORT_PARAMETERS, Vocabulary, read_params

FACET_LEGENDS = {
    "kind": gettext_lazy("Indholdstype"),
    "theme": gettext_lazy("Tema"),
    "municipality": gettext_lazy("Kommune"),
    "region": gettext_lazy("Region"),
    "year": gettext_lazy("År"),
}
# ?rettelse=nej: search the query as typed, without the automatic correction of zero results.
NO_CORRECTION = "rettelse"
SORT_LABELS = {"relevans": gettext_lazy("Relevans"), "nyeste": gettext_lazy("Nyeste først")}


@never_cache
def search(request):
    vocabulary = Vocabulary()
    params = read_params(request.GET, vocabulary)
    engine = get_engine()
    if request.GET.get(NO_CORRECTION) == "nej":
        answer = Answer(engine.search(params.request))
    else:
        answer = search_with_correction(engine, params.request)
    results = answer.results
    messages = list(params.messages)
    if params.requested_page > results.page and results.total:
        messages.append(
            _("Side %(asked)s findes ikke. Her er den sidste side, side %(page)s.")
            % {"asked": params.requested_page, "page": results.page}
        )
    query = params.request.query
    if query.stop_words_only:
        messages.append(
            _(
                "Din søgning består kun af meget almindelige ord (som »og« og »det«), som søgningen ser bort "
                "fra. Prøv med et mere særligt ord."
            )
        )
    # A Paginator over the hit count (a range, never materialised) gives the page links' window; the
    # engine has already clamped results.page to the last page.
    page_obj = Paginator(range(results.total), params.request.per_page).get_page(results.page)
    context = {
        "query": query,
        "query_text": query.text,
        "results": results,
        "hits": [present_hit(hit, vocabulary) for hit in results.hits],
        "facets": present_facets(results.facets, params, vocabulary),
        "messages_list": messages,
        "sort_options": [
            {"value": value, "label": SORT_LABELS[value], "checked": value == params.sort_value}
            for value in SORT_PARAMETERS
        ],
        "promotions": promotions(query.text) if results.page == 1 else [],
        "count_text": count_text(results.total, query),
        "page_obj": page_obj,
        "has_filters": bool(params.selected),
        "themes": list(vocabulary.themes.values()) if not results.total else [],
        "suggestion_url": query_url({"q": results.suggestion}) if results.suggestion else "",
        "corrected_to": answer.corrected_to,
        "corrected_from": answer.corrected_from,
        "original_url": query_url({"q": answer.corrected_from, NO_CORRECTION: "nej"}) if answer.corrected_from else "",
    }
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def count_text(total, query):
    if query.is_empty:
        return ngettext("%(count)s side og dokument i alt", "%(count)s sider og dokumenter i alt", total) % {
            "count": total
        }
    return ngettext("%(count)s resultat for “%(query)s”", "%(count)s resultater for “%(query)s”", total) % {
        "count": total,
        "query": query.text,
    }


def present_hit(hit, vocabulary):
    municipalities = [
        vocabulary.municipalities[code] for code in hit.municipalities if code in vocabulary.municipalities
    ]
    return {
        "hit": hit,
        "municipalities": ", ".join(m.short_name for m in municipalities[:3])
        + (" …" if len(municipalities) > 3 else ""),
    }


def present_facets(counts, params, vocabulary):
    facets = []
    for facet, parameter in PARAMETERS.items():
        selected = set(params.request.filters.get(facet, []))
        values = dict(counts.get(facet, {}))
        for value in selected:
            values.setdefault(value, 0)
        options = []
        for value, count in values.items():
            url_value = vocabulary.to_url(facet, value)
            if url_value is None:
                continue
            options.append(
                {
                    "value": url_value,
                    "label": vocabulary.label(facet, value),
                    "count": count,
                    "checked": value in selected,
                    "id": f"facet-{parameter}-{url_value}",
                }
            )
        if facet == "year":
            options.sort(key=lambda option: option["value"], reverse=True)
        elif facet == "kind":
            options.sort(key=lambda option: (-option["count"], str(option["label"])))
        else:
            options.sort(key=lambda option: str(option["label"]))
        if options:
            facets.append(
                {
                    "name": facet,
                    "parameter": parameter,
                    "legend": FACET_LEGENDS[facet],
                    "options": options,
                    "open": bool(selected) or len(options) <= 8,
                }
            )
    return facets


def promotions(query_text):
    """Editors' chosen pages for this exact query (Wagtail's search promotions), live and public only."""
    normalised = normalise_query_string(query_text)
    if not normalised:
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalised).select_related("page").order_by("sort_order")
    shown = []
    for pick in picks:
        if pick.page_id:
            page = pick.page
            if not page.live or page.get_view_restrictions().exists():
                continue
            shown.append({"title": page.title, "url": page.get_url(), "description": pick.description})
        elif pick.external_link_url:
            shown.append(
                {"title": pick.external_link_text, "url": pick.external_link_url, "description": pick.description}
            )
    return shown


def query_url(params):
    return "?" + urlencode(params, doseq=True)
