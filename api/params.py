"""Query parameters of the list endpoints: their types and bounds, and the checks that give a clear 400."""

import datetime

from django.utils import timezone

from ninja import Schema
from pydantic import Field

from .sources import ActionStatus, Municipality, Organisation, Region, StrategyStatus, Theme

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 25
MAX_PAGE = 10_000
SLUG_PATTERN = r"^[-\w]{1,100}$"


class ApiError(Exception):
    """A request the API refuses, with the status and the message the client is shown."""

    def __init__(self, status, detail, errors=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


def bad_parameter(name, message):
    return ApiError(400, f"Ugyldig parameter: {name}. {message}", [{"parameter": name, "message": message}])


class Paging(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Sidenummer, fra 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Antal elementer pr. side, højst {MAX_PAGE_SIZE}."
    )


THEME = Field(None, pattern=SLUG_PATTERN, description="Et temas slug, fx `groen-dannelse` (se /temaer).")
MUNICIPALITY = Field(None, ge=1, le=9999, description="Kommunekode, fx 751 for Aarhus.")
REGION = Field(None, ge=1000, le=9999, description="Regionskode, fx 1082 for Region Midtjylland.")
YEAR = Field(None, ge=1900, le=2100, description="Et årstal: elementer, hvis periode eller dato omfatter året.")
CHANGED_SINCE = Field(
    None,
    description=(
        "Kun elementer offentliggjort eller ændret fra dette tidspunkt (ISO 8601, fx 2026-01-01T00:00:00+01:00)."
    ),
)


class MunicipalityFilters(Paging):
    region: int | None = REGION
    member: bool | None = Field(None, description="true: kun medlemskommuner; false: kun kommuner uden for netværket.")


class StrategyFilters(Paging):
    theme: str | None = THEME
    municipality: int | None = MUNICIPALITY
    region: int | None = REGION
    status: StrategyStatus | None = Field(None, description="Strategiens status.")
    year: int | None = YEAR
    changed_since: datetime.datetime | None = CHANGED_SINCE


class ActionPlanFilters(Paging):
    theme: str | None = THEME
    municipality: int | None = MUNICIPALITY
    region: int | None = REGION
    year: int | None = YEAR
    changed_since: datetime.datetime | None = CHANGED_SINCE


class ActionFilters(Paging):
    theme: str | None = THEME
    municipality: int | None = MUNICIPALITY
    region: int | None = REGION
    status: ActionStatus | None = Field(None, description="Handlingens status.")
    year: int | None = YEAR
    changed_since: datetime.datetime | None = CHANGED_SINCE


class MeetingFilters(Paging):
    theme: str | None = THEME
    municipality: int | None = Field(None, ge=1, le=9999, description="Værtskommunens kode.")
    region: int | None = Field(None, ge=1000, le=9999, description="Værtskommunens regionskode.")
    status: str | None = Field(
        None, pattern="^(kommende|afholdt)$", description="`kommende` (i dag og frem) eller `afholdt`."
    )
    year: int | None = Field(None, ge=1900, le=2100, description="Mødets år.")
    changed_since: datetime.datetime | None = CHANGED_SINCE


class CaseFilters(Paging):
    theme: str | None = THEME
    municipality: int | None = MUNICIPALITY
    region: int | None = REGION
    year: int | None = Field(None, ge=1900, le=2100, description="Året for mødet, hvor casen blev fremlagt.")
    changed_since: datetime.datetime | None = CHANGED_SINCE


class WorkshopFilters(Paging):
    theme: str | None = THEME
    year: int | None = Field(None, ge=1900, le=2100, description="Året for mødet, hvor workshoppen blev holdt.")
    changed_since: datetime.datetime | None = CHANGED_SINCE


class OrganisationFilters(Paging):
    municipality: int | None = MUNICIPALITY
    region: int | None = REGION
    kind: Organisation.Kind | None = Field(None, description="Organisationens type.")


class NoFilters(Schema):
    pass


def reject_unknown(request, schema):
    """A 400 for query parameters the endpoint does not know, or given more than once."""
    known = set(schema.model_fields)
    unknown = sorted(set(request.GET) - known)
    if unknown:
        names = ", ".join(name[:40] for name in unknown[:5])
        allowed = ", ".join(sorted(known)) or "ingen"
        raise ApiError(
            400,
            f"Ukendt parameter: {names}. Tilladte parametre: {allowed}.",
            [{"parameter": name[:40], "message": "Ukendt parameter."} for name in unknown[:5]],
        )
    repeated = sorted(name for name in request.GET if len(request.GET.getlist(name)) > 1)
    if repeated:
        raise bad_parameter(repeated[0], "Angiv parameteren højst én gang.")


def resolve_theme(slug):
    if slug is None:
        return None
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise bad_parameter("theme", f"Temaet »{slug}« findes ikke. Se listen under /api/v1/themes.")
    return theme


def resolve_municipality(code, name="municipality"):
    if code is None:
        return None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise bad_parameter(name, f"Der er ingen kommune med koden {code}.")
    return municipality


def resolve_region(code, name="region"):
    if code is None:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise bad_parameter(name, f"Der er ingen region med koden {code}. Regionskoderne er 1081–1085.")
    return region


def aware(moment):
    """A datetime in UTC; one without a time zone is read as Danish time.

    Converted to UTC so the database never sees an offset it cannot store (PostgreSQL refuses offsets
    beyond ±15:59, which ISO 8601 allows and schemathesis sends).
    """
    if moment is None:
        return moment
    if not timezone.is_aware(moment):
        moment = timezone.make_aware(moment)
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:  # a moment so early or late that UTC cannot hold it
        return moment.replace(tzinfo=datetime.UTC)


ERROR_MESSAGES = {
    "int_parsing": "Skal være et heltal.",
    "int_from_float": "Skal være et heltal.",
    "bool_parsing": "Skal være true eller false.",
    "greater_than_equal": "Skal være mindst {ge}.",
    "less_than_equal": "Må højst være {le}.",
    "enum": "Skal være en af: {expected}.",
    "literal_error": "Skal være en af: {expected}.",
    "string_pattern_mismatch": "Har et ugyldigt format.",
    "string_too_long": "Er for lang.",
    "datetime_parsing": "Skal være et tidspunkt i ISO 8601, fx 2026-01-01T00:00:00+01:00.",
    "datetime_from_date_parsing": "Skal være et tidspunkt i ISO 8601, fx 2026-01-01T00:00:00+01:00.",
    "datetime_type": "Skal være et tidspunkt i ISO 8601, fx 2026-01-01T00:00:00+01:00.",
    "missing": "Mangler.",
}


def validation_errors(errors):
    """Pydantic's errors as the API's list of {parameter, message}, in Danish where we know the type."""
    result = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "filters")]
        name = location[-1] if location else "?"
        template = ERROR_MESSAGES.get(error.get("type"))
        context = error.get("ctx") or {}
        try:
            message = template.format(**context) if template else error.get("msg", "Ugyldig værdi.")
        except (KeyError, IndexError):
            message = error.get("msg", "Ugyldig værdi.")
        result.append({"parameter": name[:40], "message": message})
    return result
