"""The shapes of the API's responses; django-ninja turns them into the OpenAPI schema."""

import datetime

from ninja import Schema
from pydantic import Field

HHMM = Field(None, pattern=r"^\d{2}:\d{2}$", description="Klokkeslæt (dansk tid), TT:MM.")


class ErrorItem(Schema):
    parameter: str
    message: str


class Error(Schema):
    detail: str = Field(description="Hvad der er galt, på dansk.")
    errors: list[ErrorItem] = []


class ThemeRef(Schema):
    slug: str
    name: str
    url: str | None = Field(description="Temaets side på sitet.")


class MunicipalityRef(Schema):
    code: int = Field(description="Kommunekode (stabil identifikator).")
    name: str
    slug: str
    region_code: int


class OrganisationRef(Schema):
    slug: str = Field(description="Stabil identifikator.")
    name: str
    kind: str
    url: str


class PersonRole(Schema):
    """A person's public role: no contact details."""

    slug: str
    name: str
    job_title: str
    organisation: str
    url: str


class PageRef(Schema):
    id: int
    title: str
    url: str


class MeetingRef(PageRef):
    date: datetime.date


class DocumentLink(Schema):
    title: str
    url: str


class PageItem(Schema):
    id: int = Field(description="Sidens id i Wagtail: stabil, også når titel eller adresse ændres.")
    url: str = Field(description="Sidens kanoniske (danske) adresse.")
    title: str
    summary: str
    is_example: bool = Field(description="Opfundet eksempelindhold, ikke en kommunes politik.")
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    themes: list[ThemeRef]


class RegionOut(Schema):
    code: int
    name: str
    slug: str


class MunicipalityCounts(Schema):
    strategies: int
    action_plans: int
    actions: int
    cases: int


class MunicipalityOut(Schema):
    code: int = Field(description="Kommunekode (stabil identifikator).")
    name: str
    short_name: str
    slug: str
    region: RegionOut
    population: int | None
    population_year: int | None
    member: bool = Field(description="Kommunen har en offentliggjort side i netværket.")
    member_since: int | None
    page_id: int | None
    url: str | None
    counts: MunicipalityCounts


class OtherPlan(Schema):
    title: str
    url: str


class StrategyOut(PageItem):
    municipality: MunicipalityRef | None
    status: str
    status_label: str
    adopted_on: datetime.date | None
    period_start: int | None
    period_end: int | None
    vision: str
    goals: str = Field(description="Målene som ren tekst.")
    partners: list[OrganisationRef]
    contact: PersonRole | None
    document: DocumentLink | None = Field(description="Den vedtagne strategi som PDF.")
    other_plans: list[OtherPlan]
    action_plans: list[PageRef]


class ActionOut(Schema):
    id: int = Field(description="Handlingens id (stabil identifikator).")
    url: str = Field(description="Handlingsplanens adresse med anker til handlingen.")
    title: str
    description: str
    status: str
    status_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    responsible: OrganisationRef | None
    partners: list[OrganisationRef]
    budget_dkk: int | None = Field(description="Budget i hele kroner.")
    indicator: str
    target: str
    themes: list[ThemeRef]
    action_plan: PageRef
    municipality: MunicipalityRef | None


class ActionPlanOut(PageItem):
    municipality: MunicipalityRef | None
    strategy: PageRef | None
    period_start: int | None
    period_end: int | None
    contact: PersonRole | None
    actions: list[ActionOut]


class ProgrammeItem(Schema):
    time: str | None = HHMM
    title: str
    kind: str
    kind_label: str
    description: str
    speakers: list[PersonRole]
    page: PageRef | None
    slides: DocumentLink | None


class MeetingOut(PageItem):
    date: datetime.date
    start_time: str | None = HHMM
    end_time: str | None = HHMM
    venue_name: str
    venue_address: str
    city: str
    host_municipality: MunicipalityRef | None
    programme: list[ProgrammeItem]
    speakers: list[PersonRole]


class CaseOut(PageItem):
    meeting: MeetingRef | None
    municipalities: list[MunicipalityRef]
    organisations: list[OrganisationRef]
    contact: PersonRole | None
    challenge: str
    approach: str
    results: str
    lessons: str
    related: list[PageRef] = Field(description="Relaterede strategier og handlingsplaner.")


class WorkshopResult(Schema):
    kind: str = Field(description="`insight` (indsigt) eller `idea` (idé).")
    title: str
    text: str


class WorkshopOut(PageItem):
    meeting: MeetingRef | None
    question: str
    facilitators: list[PersonRole]
    outputs: list[WorkshopResult]
    text: str


class ThemeCounts(Schema):
    strategies: int
    action_plans: int
    actions: int
    cases: int
    workshop_outputs: int
    meetings: int


class ThemeOut(ThemeRef):
    description: str
    counts: ThemeCounts


class OrganisationOut(OrganisationRef):
    kind_label: str
    municipality: MunicipalityRef | None
    website: str
    description: str


def page_of(item_schema, name):
    """A paginated list of `item_schema`."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "page_size": int,
                "pages": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item_schema],
            },
            "__doc__": f"En side af resultater: {item_schema.__name__}.",
        },
    )
