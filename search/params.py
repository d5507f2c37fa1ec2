"""The search page's query parameters: read, validated against known values, explained when refused.

Danish parameter names: `q`, `type`, `tema`, `kommune`, `region`, `aar`, `sortering`, `side`.
Unknown filter values are left out with a message rather than emptying the result: a bookmarked
link to a theme that has since been removed still finds something.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from cms.models import Municipality, Region, Theme
from search.documents import Kind, kind_label
from search.engines.base import SearchRequest
from search.text import MAX_QUERY_LENGTH, parse_query

PARAMETERS = {"kind": "type", "theme": "tema", "municipality": "kommune", "region": "region", "year": "aar"}
SORT_PARAMETERS = {"relevans": "relevance", "nyeste": "newest"}
MAX_VALUES = 20
PER_PAGE = 10
MAX_PAGE = 1000


class Vocabulary:
    """Known facet values and what visitors read for each one."""

    @cached_property
    def themes(self):
        return {theme.slug: theme for theme in Theme.objects.all()}

    @cached_property
    def municipalities(self):
        return {m.code: m for m in Municipality.objects.select_related("region")}

    @cached_property
    def municipality_codes(self):
        return {m.slug: code for code, m in self.municipalities.items()}

    @cached_property
    def regions(self):
        return {region.code: region for region in Region.objects.all()}

    @cached_property
    def region_codes(self):
        return {region.slug: code for code, region in self.regions.items()}

    def to_internal(self, facet, value):
        """The facet value engines store for a URL value, or None when it is unknown."""
        value = value.strip()
        if facet == "kind":
            return value if value in Kind.values else None
        if facet == "theme":
            return value if value in self.themes else None
        if facet == "municipality":
            code = self.municipality_codes.get(value)
            return str(code) if code is not None else None
        if facet == "region":
            code = self.region_codes.get(value)
            return str(code) if code is not None else None
        if facet == "year":
            return value if value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100 else None
        return None

    def to_url(self, facet, value):
        if facet == "municipality":
            municipality = self.municipalities.get(int(value))
            return municipality.slug if municipality else None
        if facet == "region":
            region = self.regions.get(int(value))
            return region.slug if region else None
        return value

    def label(self, facet, value):
        if facet == "kind":
            return kind_label(value)  # translated into the language the page is shown in
        if facet == "theme":
            theme = self.themes.get(value)
            return theme.name if theme else value
        if facet == "municipality":
            municipality = self.municipalities.get(int(value))
            return municipality.short_name if municipality else value
        if facet == "region":
            region = self.regions.get(int(value))
            return region.name if region else value
        return value


@dataclass
class SearchParams:
    request: SearchRequest
    selected: dict[str, list[str]]  # facet -> URL values as accepted
    sort_value: str
    messages: list[str] = field(default_factory=list)
    requested_page: int = 1


def read_params(query_dict, vocabulary):
    """A SearchRequest from the page's GET parameters, with a message for everything refused."""
    messages = []
    query = parse_query(query_dict.get("q", ""))
    if query.truncated:
        messages.append(
            _("Søgningen var for lang. Vi har brugt de første %(count)s tegn.") % {"count": MAX_QUERY_LENGTH}
        )
    filters, selected = {}, {}
    for facet, parameter in PARAMETERS.items():
        values = [value for value in query_dict.getlist(parameter) if value.strip()]
        if len(values) > MAX_VALUES:
            messages.append(_("Der kan højst vælges %(count)s værdier i et filter.") % {"count": MAX_VALUES})
            values = values[:MAX_VALUES]
        accepted, accepted_urls = [], []
        for value in dict.fromkeys(values):
            internal = vocabulary.to_internal(facet, value[:100])
            if internal is None:
                messages.append(_("Filteret “%(value)s” findes ikke og er ikke brugt.") % {"value": value[:60].strip()})
                continue
            accepted.append(internal)
            accepted_urls.append(value.strip())
        if accepted:
            filters[facet] = accepted
            selected[facet] = accepted_urls
    sort_value = query_dict.get("sortering", "relevans")
    if sort_value not in SORT_PARAMETERS:
        messages.append(_("Ukendt sortering. Resultaterne er sorteret efter relevans."))
        sort_value = "relevans"
    page = query_dict.get("side", "1")
    requested_page = int(page) if page.isdigit() and len(page) < 7 else None
    if requested_page is None or requested_page < 1:
        messages.append(_("Sidetallet forstod vi ikke. Her er første side."))
        requested_page = 1
    requested_page = min(requested_page, MAX_PAGE)
    request = SearchRequest(
        query=query, filters=filters, sort=SORT_PARAMETERS[sort_value], page=requested_page, per_page=PER_PAGE
    )
    return SearchParams(
        request=request, selected=selected, sort_value=sort_value, messages=messages, requested_page=requested_page
    )
