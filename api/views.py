"""The read-only JSON API at /api/v1/, built with django-ninja (see docs/api.md for why)."""

import math

from django.http import QueryDict

from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from . import data, schemas
from . import params as p
from .http import finish
from .refs import prime


class Renderer(JSONRenderer):
    """JSON with æ, ø and å as they are, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


class OpenDataAPI(NinjaAPI):
    """NinjaAPI whose every response carries the licence and, when it succeeds, ETag and Last-Modified."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return finish(request, response)


api = OpenDataAPI(
    title="Grønne partnerskaber – åbne data",
    version="1",
    description=(
        "Læseadgang til netværkets offentliggjorte indhold: kommuner, strategier, handlingsplaner og handlinger, "
        "netværksmøder, cases, workshopresultater, temaer og organisationer. Kun offentliggjorte, offentlige sider. "
        "Licens: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), kilde: KL, Grønne partnerskaber. "
        "Dokumentation på dansk: /api/."
    ),
    urls_namespace="open_data_api",
    renderer=Renderer(),
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(p.ApiError)
def api_error(request, exc):
    return api.create_response(request, {"detail": exc.detail, "errors": exc.errors}, status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    errors = p.validation_errors(exc.errors)
    names = ", ".join(dict.fromkeys(error["parameter"] for error in errors))
    detail = f"Ugyldig parameter: {names}. " + " ".join(f"{e['parameter']}: {e['message']}" for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


def page_link(request, number):
    query = request.GET.copy() if request.GET else QueryDict(mutable=True)
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(request, rows, filters, serialize):
    """One page of items with the total and links; a page past the last is a 400 that says how many there are."""
    count = rows.count()
    pages = max(1, math.ceil(count / filters.page_size))
    if filters.page > pages:
        raise p.bad_parameter(
            "page", f"Siden findes ikke: der er {pages} side(r) med {filters.page_size} elementer pr. side."
        )
    prime(request)
    start = (filters.page - 1) * filters.page_size
    items = list(rows[start : start + filters.page_size])
    return {
        "count": count,
        "page": filters.page,
        "page_size": filters.page_size,
        "pages": pages,
        "next": page_link(request, filters.page + 1) if filters.page < pages else None,
        "previous": page_link(request, filters.page - 1) if filters.page > 1 else None,
        "results": serialize(request, items),
    }


def one(request, rows, serialize, message):
    prime(request)
    item = rows.first()
    if item is None:
        raise p.ApiError(404, message)
    return serialize(request, [item])[0]


LIST_ERRORS = {400: schemas.Error}
DETAIL_ERRORS = {400: schemas.Error, 404: schemas.Error}
PAGE_ID = Path(..., ge=1, le=2_147_483_647, description="Sidens id.")


def list_operation(path, item_schema, filters_schema, rows, serialize, *, summary, description, tag, name):
    page_schema = schemas.page_of(item_schema, f"{item_schema.__name__.removesuffix('Out')}Page")

    def view(request, filters: Query[filters_schema]):
        p.reject_unknown(request, filters_schema)
        return paginate(request, rows(filters), filters, serialize)

    view.__name__ = name
    api.get(
        path,
        response={200: page_schema, **LIST_ERRORS},
        summary=summary,
        description=description,
        tags=[tag],
        operation_id=name,
    )(view)


list_operation(
    "/municipalities",
    schemas.MunicipalityOut,
    p.MunicipalityFilters,
    data.municipality_rows,
    data.municipality_items,
    summary="Kommuner",
    description="Alle 98 kommuner med region, indbyggertal, medlemsstatus og antal offentliggjorte elementer.",
    tag="Kommuner",
    name="list_municipalities",
)
list_operation(
    "/strategies",
    schemas.StrategyOut,
    p.StrategyFilters,
    data.strategy_rows,
    data.strategy_items,
    summary="Strategier",
    description="Medlemskommunernes offentliggjorte strategier for grøn kultur.",
    tag="Strategier og handlinger",
    name="list_strategies",
)
list_operation(
    "/action-plans",
    schemas.ActionPlanOut,
    p.ActionPlanFilters,
    data.action_plan_rows,
    data.action_plan_items,
    summary="Handlingsplaner",
    description="Offentliggjorte handlingsplaner med alle deres handlinger.",
    tag="Strategier og handlinger",
    name="list_action_plans",
)
list_operation(
    "/actions",
    schemas.ActionOut,
    p.ActionFilters,
    data.action_rows,
    data.action_items,
    summary="Handlinger",
    description="Hver handling i de offentliggjorte handlingsplaner, én pr. element.",
    tag="Strategier og handlinger",
    name="list_actions",
)
list_operation(
    "/meetings",
    schemas.MeetingOut,
    p.MeetingFilters,
    data.meeting_rows,
    data.meeting_items,
    summary="Netværksmøder",
    description="Netværksmøderne med dato, sted, program og oplægsholdere.",
    tag="Møder og viden",
    name="list_meetings",
)
list_operation(
    "/cases",
    schemas.CaseOut,
    p.CaseFilters,
    data.case_rows,
    data.case_items,
    summary="Cases",
    description="Cases fremlagt på netværksmøderne: udfordring, fremgangsmåde, resultater og læring.",
    tag="Møder og viden",
    name="list_cases",
)
list_operation(
    "/workshop-outputs",
    schemas.WorkshopOut,
    p.WorkshopFilters,
    data.workshop_rows,
    data.workshop_items,
    summary="Workshopresultater",
    description="Hvad workshops på møderne arbejdede med og kom frem til.",
    tag="Møder og viden",
    name="list_workshop_outputs",
)
list_operation(
    "/themes",
    schemas.ThemeOut,
    p.Paging,
    data.theme_rows,
    data.theme_items,
    summary="Temaer",
    description="Netværkets temaer med antal offentliggjorte elementer pr. indholdstype.",
    tag="Temaer og organisationer",
    name="list_themes",
)
list_operation(
    "/organisations",
    schemas.OrganisationOut,
    p.OrganisationFilters,
    data.organisation_rows,
    data.organisation_items,
    summary="Organisationer",
    description="Kulturinstitutioner og partnere, der indgår i strategier, handlinger og cases.",
    tag="Temaer og organisationer",
    name="list_organisations",
)


@api.get(
    "/municipalities/{code}",
    response={200: schemas.MunicipalityOut, **DETAIL_ERRORS},
    summary="Én kommune",
    tags=["Kommuner"],
    operation_id="get_municipality",
)
def get_municipality(request, code: int = Path(..., ge=1, le=9999, description="Kommunekode.")):
    p.reject_unknown(request, p.NoFilters)
    rows = data.Municipality.objects.select_related("region").filter(code=code)
    return one(request, rows, data.municipality_items, f"Der er ingen kommune med koden {code}.")


def detail_operation(path, item_schema, rows, serialize, *, summary, tag, name, message):
    def view(request, id: int = PAGE_ID):  # noqa: A002 (the parameter is called id in the URL)
        p.reject_unknown(request, p.NoFilters)
        return one(request, rows().filter(pk=id), serialize, message.format(id=id))

    view.__name__ = name
    api.get(path, response={200: item_schema, **DETAIL_ERRORS}, summary=summary, tags=[tag], operation_id=name)(view)


def unfiltered(rows, filters_schema):
    return lambda: rows(filters_schema())


detail_operation(
    "/strategies/{id}",
    schemas.StrategyOut,
    unfiltered(data.strategy_rows, p.StrategyFilters),
    data.strategy_items,
    summary="Én strategi",
    tag="Strategier og handlinger",
    name="get_strategy",
    message="Strategien {id} findes ikke eller er ikke offentliggjort.",
)
detail_operation(
    "/action-plans/{id}",
    schemas.ActionPlanOut,
    unfiltered(data.action_plan_rows, p.ActionPlanFilters),
    data.action_plan_items,
    summary="Én handlingsplan",
    tag="Strategier og handlinger",
    name="get_action_plan",
    message="Handlingsplanen {id} findes ikke eller er ikke offentliggjort.",
)
detail_operation(
    "/actions/{id}",
    schemas.ActionOut,
    unfiltered(data.action_rows, p.ActionFilters),
    data.action_items,
    summary="Én handling",
    tag="Strategier og handlinger",
    name="get_action",
    message="Handlingen {id} findes ikke eller hører ikke til en offentliggjort handlingsplan.",
)
detail_operation(
    "/meetings/{id}",
    schemas.MeetingOut,
    unfiltered(data.meeting_rows, p.MeetingFilters),
    data.meeting_items,
    summary="Ét netværksmøde",
    tag="Møder og viden",
    name="get_meeting",
    message="Mødet {id} findes ikke eller er ikke offentliggjort.",
)
detail_operation(
    "/cases/{id}",
    schemas.CaseOut,
    unfiltered(data.case_rows, p.CaseFilters),
    data.case_items,
    summary="Én case",
    tag="Møder og viden",
    name="get_case",
    message="Casen {id} findes ikke eller er ikke offentliggjort.",
)
detail_operation(
    "/workshop-outputs/{id}",
    schemas.WorkshopOut,
    unfiltered(data.workshop_rows, p.WorkshopFilters),
    data.workshop_items,
    summary="Ét workshopresultat",
    tag="Møder og viden",
    name="get_workshop_output",
    message="Workshopresultatet {id} findes ikke eller er ikke offentliggjort.",
)


@api.get(
    "/themes/{slug}",
    response={200: schemas.ThemeOut, **DETAIL_ERRORS},
    summary="Ét tema",
    tags=["Temaer og organisationer"],
    operation_id="get_theme",
)
def get_theme(request, slug: str = Path(..., pattern=p.SLUG_PATTERN, description="Temaets slug.")):
    p.reject_unknown(request, p.NoFilters)
    return one(request, data.Theme.objects.filter(slug=slug), data.theme_items, f"Temaet »{slug}« findes ikke.")


@api.get(
    "/organisations/{slug}",
    response={200: schemas.OrganisationOut, **DETAIL_ERRORS},
    summary="Én organisation",
    tags=["Temaer og organisationer"],
    operation_id="get_organisation",
)
def get_organisation(request, slug: str = Path(..., pattern=p.SLUG_PATTERN, description="Organisationens slug.")):
    p.reject_unknown(request, p.NoFilters)
    rows = data.Organisation.objects.select_related("municipality__region").filter(slug=slug)
    return one(request, rows, data.organisation_items, f"Organisationen »{slug}« findes ikke.")
