"""Downloads: strategies, actions and the coverage table as CSV for Danish Excel and as JSON; the comparison as CSV.

CSV files are UTF-8 with a byte-order mark and `;` between fields, which is what Excel with Danish
regional settings expects when a file is double-clicked; numbers with decimals use a decimal comma.
"""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone, translation

from pydantic import ValidationError

from . import data
from . import params as p
from .http import LICENCE_NAME, LICENCE_URL, finish
from .sources import MunicipalityIndexPage, comparison_context, coverage_context

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """One CSV cell as Danish Excel reads it: decimal comma, local times, lists joined, no formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    text = str(value)
    # A cell that starts like a formula would be run by Excel; a leading apostrophe keeps it text.
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(request, filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return finish(request, response)


def json_response(request, filename, title, payload):
    body = {
        "title": title,
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "source": "KL – Grønne partnerskaber, " + request.build_absolute_uri("/"),
        "generated_at": timezone.now(),
        **payload,
    }
    response = JsonResponse(body, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return finish(request, response)


def error_response(request, error):
    return finish(request, JsonResponse({"detail": error.detail, "errors": error.errors}, status=error.status))


def read_filters(request, schema):
    """The download's filters: the list endpoint's filters without paging, checked the same way."""
    known = set(schema.model_fields) - {"page", "page_size"}
    unknown = sorted(set(request.GET) - known)
    if unknown:
        shown = ", ".join(name[:40] for name in unknown[:5])
        raise p.ApiError(
            400,
            f"Ukendt parameter: {shown}. Tilladte parametre: {', '.join(sorted(known))}.",
            [{"parameter": name[:40], "message": "Ukendt parameter."} for name in unknown[:5]],
        )
    try:
        return schema.model_validate({key: request.GET[key] for key in request.GET})
    except ValidationError as error:
        errors = p.validation_errors(error.errors())
        raise p.ApiError(
            400, "Ugyldig parameter: " + " ".join(f"{e['parameter']}: {e['message']}" for e in errors), errors
        ) from None


def names(refs):
    return [ref["name"] for ref in refs]


def strategies(request, fmt):
    filters = read_filters(request, p.StrategyFilters)
    items = data.strategy_items(request, list(data.strategy_rows(filters)))
    if fmt == "json":
        return json_response(request, "strategier.json", "Strategier", {"count": len(items), "results": items})
    header = [
        "id", "adresse", "titel", "kommunekode", "kommune", "regionskode", "status", "vedtaget", "periode fra",
        "periode til", "temaer", "partnere", "kontaktperson", "kontaktpersonens titel", "kontaktpersonens organisation",
        "strategi (PDF)", "handlingsplaner", "resumé", "vision", "mål", "eksempelindhold", "først offentliggjort",
        "senest offentliggjort",
    ]  # fmt: skip
    rows = []
    for item in items:
        municipality = item["municipality"] or {}
        contact = item["contact"] or {}
        rows.append(
            [
                item["id"], item["url"], item["title"], municipality.get("code"), municipality.get("name"),
                municipality.get("region_code"), item["status_label"], item["adopted_on"], item["period_start"],
                item["period_end"], names(item["themes"]), names(item["partners"]), contact.get("name"),
                contact.get("job_title"), contact.get("organisation"), (item["document"] or {}).get("url"),
                [plan["url"] for plan in item["action_plans"]], item["summary"], item["vision"], item["goals"],
                item["is_example"], item["first_published_at"], item["last_published_at"],
            ]
        )  # fmt: skip
    return csv_response(request, "strategier.csv", header, rows)


def actions(request, fmt):
    filters = read_filters(request, p.ActionFilters)
    items = data.action_items(request, list(data.action_rows(filters)))
    if fmt == "json":
        return json_response(request, "handlinger.json", "Handlinger", {"count": len(items), "results": items})
    header = [
        "id", "adresse", "titel", "beskrivelse", "status", "start", "slut", "ansvarlig", "partnere",
        "budget (kr.)", "indikator", "målsætning", "temaer", "handlingsplan-id", "handlingsplan", "kommunekode",
        "kommune",
    ]  # fmt: skip
    rows = []
    for item in items:
        municipality = item["municipality"] or {}
        rows.append(
            [
                item["id"], item["url"], item["title"], item["description"], item["status_label"],
                item["start_date"], item["end_date"], (item["responsible"] or {}).get("name"),
                names(item["partners"]), item["budget_dkk"], item["indicator"], item["target"],
                names(item["themes"]), item["action_plan"]["id"], item["action_plan"]["title"],
                municipality.get("code"), municipality.get("name"),
            ]
        )  # fmt: skip
    return csv_response(request, "handlinger.csv", header, rows)


def municipality_index():
    index = MunicipalityIndexPage.objects.live().public().first()
    if index is None:
        raise Http404("Kommuneoversigten er ikke offentliggjort.")
    return index


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def coverage_rows(request):
    context = coverage_context(municipality_index(), request)
    groups = [("i alt", "Hele landet", context["total"])]
    groups += [("region", row["label"], row) for row in context["by_region"]]
    groups += [("indbyggertal", str(row["label"]), row) for row in context["by_band"]]
    return [
        {
            "grouping": grouping,
            "group": label,
            "municipalities": row["total"],
            "members": row["members"],
            "members_percent": percent(row["members"], row["total"]),
            "published": row["published"],
            "published_percent": percent(row["published"], row["total"]),
        }
        for grouping, label, row in groups
    ], context["population_year"]


def coverage(request, fmt):
    read_filters(request, p.NoFilters)
    rows, population_year = coverage_rows(request)
    if fmt == "json":
        payload = {"population_year": population_year, "count": len(rows), "results": rows}
        return json_response(request, "daekning.json", "Dækning: kommuner i netværket", payload)
    header = [
        "gruppering", "gruppe", "kommuner", "medlemmer", "andel medlemmer (%)", "med offentliggjort strategi",
        "andel med strategi (%)",
    ]  # fmt: skip
    values = [
        [row["grouping"], row["group"], row["municipalities"], row["members"], row["members_percent"],
         row["published"], row["published_percent"]]
        for row in rows
    ]  # fmt: skip
    return csv_response(request, "daekning.csv", header, values)


DATASETS = {"strategier": strategies, "handlinger": actions, "daekning": coverage}


def download(request, dataset, fmt):
    if dataset not in DATASETS or fmt not in ("csv", "json"):
        raise Http404("Den fil findes ikke. Se /api/ for de filer, der kan hentes.")
    with translation.override("da"):
        try:
            return DATASETS[dataset](request, fmt)
        except p.ApiError as error:
            return error_response(request, error)


def comparison_csv(request):
    """The comparison view's table as CSV: one column per chosen strategy or action plan."""
    with translation.override("da"):
        unknown = sorted(set(request.GET) - {"side"})
        if unknown:
            return error_response(request, p.bad_parameter(unknown[0][:40], "Ukendt parameter. Brug side=<id>."))
        context = comparison_context(municipality_index(), request)
        columns = context["columns"]
        if not columns:
            messages = [str(m) for m in context["compare_messages"]] or [
                "Vælg mindst to strategier eller handlingsplaner for at sammenligne."
            ]
            return error_response(
                request, p.ApiError(400, " ".join(messages), [{"parameter": "side", "message": m} for m in messages])
            )
        header = ["", *(column["page"].title for column in columns)]
        rows = [
            ["Adresse", *(data.page_url(column["page"], request) for column in columns)],
            ["Type", *(column["kind"] for column in columns)],
            ["Kommune", *(column["municipality"].name if column["municipality"] else "" for column in columns)],
            ["Status", *(column["status"] for column in columns)],
            ["Periode", *(column["period"] for column in columns)],
            ["Temaer", *([t.name for t in column["themes"]] for column in columns)],
            ["Handlinger i alt", *(column["action_count"] for column in columns)],
        ]
        for position, status in enumerate(columns[0]["status_counts"]):
            rows.append(
                [f"Handlinger: {status['label']}", *(column["status_counts"][position]["count"] for column in columns)]
            )
        rows.append(["Partnere", *([o.name for o in column["partners"]] for column in columns)])
        rows.append(["Senest opdateret", *(column["updated"] for column in columns)])
        return csv_response(request, "sammenligning.csv", header, rows)
