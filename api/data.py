"""The open datasets: which rows are public, how filters narrow them, and what each item looks like.

Every function that turns rows into items works on a whole page of rows at once and fetches what
they refer to with one query per kind of thing, so a list costs the same number of queries at any
page size (tested in api/tests/test_queries.py). Pages are always `live().public()`: drafts, pages
waiting in moderation (their row keeps the published version) and pages behind a view restriction,
or under one, never appear.
"""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from . import params as p
from .refs import (
    absolute,
    municipality_ref,
    organisation_ref,
    page_base,
    page_ref,
    page_url,
    person_role,
    raw_stream_text,
    theme_ref,
)
from .sources import (
    AGENDA_KIND_LABELS,
    Action,
    ActionPlanPage,
    ActionStatus,
    ActionTheme,
    CaseMunicipality,
    CaseOrganisation,
    CasePage,
    MeetingPage,
    Municipality,
    MunicipalityPage,
    Organisation,
    PageTheme,
    Person,
    StrategyPage,
    StrategyStatus,
    Theme,
    WorkshopFacilitator,
    WorkshopOutputPage,
    html_text,
)

# Each item's themes in one query with their tags joined, however many items have themes.
THEMES = Prefetch("theme_items", queryset=PageTheme.objects.select_related("tag"))
ACTION_THEMES = Prefetch("theme_items", queryset=ActionTheme.objects.select_related("tag"))


def public_pages(model):
    return model.objects.live().public()


def period_q(year, prefix=""):
    """Rows whose period (start–end years, either open) includes the year."""
    start, end = f"{prefix}period_start", f"{prefix}period_end"
    return (
        (Q(**{f"{start}__lte": year}) | Q(**{f"{start}__isnull": True}))
        & (Q(**{f"{end}__gte": year}) | Q(**{f"{end}__isnull": True}))
        & ~Q(**{f"{start}__isnull": True, f"{end}__isnull": True})
    )


def under_meetings_q(meetings):
    """Pages directly under the given meetings (cases and workshop outputs), by tree path."""
    paths = list(meetings.values_list("path", "depth"))
    if not paths:
        return Q(pk__in=[])
    query = Q()
    for path, depth in paths:
        query |= Q(path__startswith=path, depth=depth + 1)
    return query


def attach_meetings(pages):
    """Each page's meeting (its parent), live and public or None, with one query."""
    steplen = Page.steplen
    parent_paths = {page.path[:-steplen] for page in pages}
    meetings = {m.path: m for m in public_pages(MeetingPage).filter(path__in=parent_paths)}
    return {page.pk: meetings.get(page.path[:-steplen]) for page in pages}


def meeting_ref(meeting, request):
    if meeting is None:
        return None
    return {**page_ref(meeting, request), "date": meeting.date}


def narrow(rows, filters, *, theme=None, municipality=None, region=None, year=None, changed="last_published_at"):
    """The filters every dataset shares, in one place: each argument says how this dataset applies one,
    as a field path compared with the parameter's value or a function from the value to a Q.

    Theme, municipality and region are looked up first (an unknown one is a 400 with a Danish message);
    `changed` is the field that `changed_since` compares with (None: the dataset has no such filter).
    """
    values = (
        (theme, p.resolve_theme(filters.theme) if theme else None),
        (municipality, p.resolve_municipality(filters.municipality) if municipality else None),
        (region, p.resolve_region(filters.region) if region else None),
        (year, filters.year if year else None),
        (changed and f"{changed}__gte", p.aware(filters.changed_since) if changed else None),
    )
    for how, value in values:
        if value:
            rows = rows.filter(how(value) if callable(how) else Q(**{how: value}))
    return rows


def under_meetings_in(year):
    """Cases and workshop outputs of the year's meetings (they are dated by their meeting)."""
    return under_meetings_q(MeetingPage.objects.filter(date__year=year))


# Municipalities ---------------------------------------------------------------------------------


def municipality_rows(filters):
    rows = Municipality.objects.select_related("region").order_by("code")
    region = p.resolve_region(filters.region)
    if region:
        rows = rows.filter(region=region)
    if filters.member is not None:
        members = public_pages(MunicipalityPage).values("municipality_id")
        rows = rows.filter(pk__in=members) if filters.member else rows.exclude(pk__in=members)
    return rows


def municipality_items(request, municipalities):
    ids = [m.pk for m in municipalities]
    member_pages = {
        page.municipality_id: page for page in public_pages(MunicipalityPage).filter(municipality_id__in=ids)
    }
    strategies = dict(
        public_pages(StrategyPage)
        .filter(municipality_id__in=ids)
        .values_list("municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    plans = public_pages(ActionPlanPage).filter(strategy__municipality_id__in=ids)
    plan_counts = dict(plans.values_list("strategy__municipality_id").annotate(n=Count("pk")).order_by())
    action_counts = dict(
        Action.objects.filter(page__in=plans.values("pk"))
        .values_list("page__strategy__municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    case_counts = dict(
        CaseMunicipality.objects.filter(municipality_id__in=ids, case__in=public_pages(CasePage).values("pk"))
        .values_list("municipality_id")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    items = []
    for municipality in municipalities:
        member = member_pages.get(municipality.pk)
        items.append(
            {
                "code": municipality.code,
                "name": municipality.name,
                "short_name": municipality.short_name,
                "slug": municipality.slug,
                "region": {
                    "code": municipality.region.code,
                    "name": municipality.region.name,
                    "slug": municipality.region.slug,
                },
                "population": municipality.population,
                "population_year": municipality.population_year,
                "member": member is not None,
                "member_since": member.member_since if member else None,
                "page_id": member.pk if member else None,
                "url": page_url(member, request) if member else None,
                "counts": {
                    "strategies": strategies.get(municipality.pk, 0),
                    "action_plans": plan_counts.get(municipality.pk, 0),
                    "actions": action_counts.get(municipality.pk, 0),
                    "cases": case_counts.get(municipality.pk, 0),
                },
            }
        )
    return items


# Strategies -------------------------------------------------------------------------------------


def strategy_rows(filters):
    rows = (
        public_pages(StrategyPage)
        .select_related("municipality__region", "contact__organisation", "document")
        .prefetch_related(THEMES, "partners", "other_plans")
        .order_by("pk")
    )
    rows = narrow(
        rows,
        filters,
        theme="theme_items__tag",
        municipality="municipality",
        region="municipality__region",
        year=lambda year: period_q(year) | Q(period_start=None, period_end=None, adopted_on__year=year),
    )
    return rows.filter(status=filters.status) if filters.status else rows


def document_link(document, request):
    if document is None:
        return None
    return {"title": document.title, "url": absolute(request, document.url)}


def strategy_items(request, strategies):
    ids = [s.pk for s in strategies]
    plans = {}
    for plan in public_pages(ActionPlanPage).filter(strategy_id__in=ids).order_by("title"):
        plans.setdefault(plan.strategy_id, []).append(page_ref(plan, request))
    items = []
    for strategy in strategies:
        items.append(
            {
                **page_base(strategy, request),
                "municipality": municipality_ref(strategy.municipality),
                "status": strategy.status,
                "status_label": str(StrategyStatus(strategy.status).label),
                "adopted_on": strategy.adopted_on,
                "period_start": strategy.period_start,
                "period_end": strategy.period_end,
                "vision": strategy.vision,
                "goals": html_text(strategy.goals or ""),
                "partners": [organisation_ref(o, request) for o in sorted(strategy.partners.all(), key=str)],
                "contact": person_role(strategy.contact, request),
                "document": document_link(strategy.document, request),
                "other_plans": [{"title": link.title, "url": link.url} for link in strategy.other_plans.all()],
                "action_plans": plans.get(strategy.pk, []),
            }
        )
    return items


# Action plans and actions -----------------------------------------------------------------------


def public_plans():
    return public_pages(ActionPlanPage)


def action_queryset():
    return (
        Action.objects.select_related("responsible")
        .prefetch_related("partners", ACTION_THEMES)
        .order_by("page_id", "sort_order", "pk")
    )


def action_plan_rows(filters):
    rows = (
        public_plans()
        .select_related("strategy__municipality__region", "contact__organisation", "strategy__contact__organisation")
        .prefetch_related(
            THEMES,
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("responsible").prefetch_related("partners", ACTION_THEMES),
            ),
        )
        .order_by("pk")
    )
    return narrow(
        rows,
        filters,
        theme="theme_items__tag",
        municipality="strategy__municipality",
        region="strategy__municipality__region",
        year=period_q,
    )


def action_item(action, plan, plan_url, municipality, request):
    themes = sorted((item.tag for item in action.theme_items.all()), key=lambda t: (t.sort_order, t.name))
    return {
        "id": action.pk,
        "url": f"{plan_url}#{action.anchor}",
        "title": action.title,
        "description": action.description,
        "status": action.status,
        "status_label": str(ActionStatus(action.status).label),
        "start_date": action.start_date,
        "end_date": action.end_date,
        "responsible": organisation_ref(action.responsible, request) if action.responsible_id else None,
        "partners": [organisation_ref(o, request) for o in sorted(action.partners.all(), key=str)],
        "budget_dkk": action.budget,
        "indicator": action.indicator,
        "target": action.target,
        "themes": [theme_ref(theme, request) for theme in themes],
        "action_plan": {"id": plan.pk, "title": plan.title, "url": plan_url},
        "municipality": municipality_ref(municipality),
    }


def action_plan_items(request, plans):
    strategy_ids = {plan.strategy_id for plan in plans if plan.strategy_id}
    public_strategies = set(public_pages(StrategyPage).filter(pk__in=strategy_ids).values_list("pk", flat=True))
    items = []
    for plan in plans:
        strategy = plan.strategy if plan.strategy_id in public_strategies else None
        municipality = plan.strategy.municipality if plan.strategy_id else None
        contact = plan.contact or (strategy.contact if strategy else None)
        base = page_base(plan, request)
        actions = sorted(plan.actions.all(), key=lambda a: (a.sort_order or 0, a.pk))
        items.append(
            {
                **base,
                "municipality": municipality_ref(municipality),
                "strategy": page_ref(strategy, request),
                "period_start": plan.period_start,
                "period_end": plan.period_end,
                "contact": person_role(contact, request),
                "actions": [action_item(a, plan, base["url"], municipality, request) for a in actions],
            }
        )
    return items


def action_rows(filters):
    rows = narrow(
        action_queryset().filter(page__in=public_plans().values("pk")),
        filters,
        theme=lambda theme: Q(pk__in=ActionTheme.objects.filter(tag=theme).values("content_object_id")),
        municipality="page__strategy__municipality",
        region="page__strategy__municipality__region",
        year=action_year_q,
        changed="page__last_published_at",
    )
    return rows.filter(status=filters.status) if filters.status else rows


def action_year_q(year):
    """An action with dates of its own counts in the years they span; one without, in its plan's period."""
    dated = Q(start_date__isnull=False) | Q(end_date__isnull=False)
    own = (
        dated
        & (Q(start_date__isnull=True) | Q(start_date__year__lte=year))
        & (Q(end_date__isnull=True) | Q(end_date__year__gte=year))
    )
    return own | (~dated & period_q(year, "page__"))


def action_items(request, actions):
    """The actions, with their plans (and the plans' municipalities) fetched once for the whole page."""
    plan_ids = {action.page_id for action in actions}
    plans = {
        plan.pk: plan
        for plan in ActionPlanPage.objects.filter(pk__in=plan_ids).select_related("strategy__municipality__region")
    }
    urls = {pk: page_url(plan, request) for pk, plan in plans.items()}
    items = []
    for action in actions:
        plan = plans[action.page_id]
        municipality = plan.strategy.municipality if plan.strategy_id else None
        items.append(action_item(action, plan, urls[plan.pk], municipality, request))
    return items


# Meetings ---------------------------------------------------------------------------------------


def meeting_rows(filters):
    rows = public_pages(MeetingPage).select_related("host_municipality__region").prefetch_related(THEMES)
    rows = rows.order_by("pk")
    rows = narrow(
        rows,
        filters,
        theme="theme_items__tag",
        municipality="host_municipality",
        region="host_municipality__region",
        year="date__year",
    )
    if filters.status == "kommende":
        rows = rows.filter(date__gte=timezone.localdate())
    elif filters.status == "afholdt":
        rows = rows.filter(date__lt=timezone.localdate())
    return rows


def _hhmm(value):
    if not value:
        return None
    return str(value)[:5]


def list_ids(value):
    """The ids in a ListBlock's stored value, in the old (bare values) or the new ({"value": …}) format."""
    ids = []
    for item in value or []:
        pk = item.get("value") if isinstance(item, dict) else item
        if isinstance(pk, int):
            ids.append(pk)
    return ids


def meeting_items(request, meetings):
    programmes = {m.pk: [b for b in (m.programme.raw_data or []) if isinstance(b, dict)] for m in meetings}
    person_ids, page_ids, document_ids = set(), set(), set()
    for blocks in programmes.values():
        for block in blocks:
            value = block.get("value") or {}
            person_ids.update(list_ids(value.get("speakers")))
            if isinstance(value.get("page"), int):
                page_ids.add(value["page"])
            if isinstance(value.get("slides"), int):
                document_ids.add(value["slides"])
    people = {person.pk: person for person in Person.objects.select_related("organisation").filter(pk__in=person_ids)}
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=page_ids)}
    documents = {doc.pk: doc for doc in get_document_model().objects.filter(pk__in=document_ids)}
    items = []
    for meeting in meetings:
        programme, speakers = [], {}
        for block in programmes[meeting.pk]:
            value = block.get("value") or {}
            block_speakers = []
            for pk in list_ids(value.get("speakers")):
                person = people.get(pk)
                if person is not None:
                    role = person_role(person, request)
                    block_speakers.append(role)
                    speakers.setdefault(person.pk, role)
            kind = value.get("kind") or ""
            programme.append(
                {
                    "time": _hhmm(value.get("time")),
                    "title": value.get("title") or "",
                    "kind": kind,
                    "kind_label": str(AGENDA_KIND_LABELS.get(kind, "")),
                    "description": value.get("description") or "",
                    "speakers": block_speakers,
                    "page": page_ref(pages.get(value.get("page")), request),
                    "slides": document_link(documents.get(value.get("slides")), request),
                }
            )
        items.append(
            {
                **page_base(meeting, request),
                "date": meeting.date,
                "start_time": _hhmm(meeting.start_time),
                "end_time": _hhmm(meeting.end_time),
                "venue_name": meeting.venue_name,
                "venue_address": meeting.venue_address,
                "city": meeting.city,
                "host_municipality": municipality_ref(meeting.host_municipality),
                "programme": programme,
                "speakers": list(speakers.values()),
            }
        )
    return items


# Cases and workshop outputs ---------------------------------------------------------------------


def case_rows(filters):
    rows = (
        public_pages(CasePage)
        .select_related("contact_person__organisation")
        .prefetch_related(
            THEMES,
            "strategy_links",
            Prefetch("municipality_links", queryset=CaseMunicipality.objects.select_related("municipality__region")),
            Prefetch("organisation_links", queryset=CaseOrganisation.objects.select_related("organisation")),
        )
        .order_by("pk")
    )
    return narrow(
        rows,
        filters,
        theme="theme_items__tag",
        municipality=lambda m: Q(pk__in=CaseMunicipality.objects.filter(municipality=m).values("case_id")),
        region=lambda r: Q(pk__in=CaseMunicipality.objects.filter(municipality__region=r).values("case_id")),
        year=under_meetings_in,
    )


def _unique(objects):
    seen = {}
    for obj in objects:
        seen.setdefault(obj.pk, obj)
    return list(seen.values())


def case_items(request, cases):
    meetings = attach_meetings(cases)
    linked_ids = {link.page_id for case in cases for link in case.strategy_links.all()}
    linked = {page.pk: page for page in Page.objects.live().public().filter(pk__in=linked_ids)}
    items = []
    for case in cases:
        municipalities = _unique(link.municipality for link in case.municipality_links.all())
        organisations = _unique(link.organisation for link in case.organisation_links.all())
        items.append(
            {
                **page_base(case, request),
                "meeting": meeting_ref(meetings.get(case.pk), request),
                "municipalities": [municipality_ref(m) for m in municipalities],
                "organisations": [organisation_ref(o, request) for o in organisations],
                "contact": person_role(case.contact_person, request),
                "challenge": raw_stream_text(case.challenge),
                "approach": raw_stream_text(case.approach),
                "results": raw_stream_text(case.results),
                "lessons": raw_stream_text(case.lessons),
                "related": [
                    page_ref(linked[link.page_id], request)
                    for link in case.strategy_links.all()
                    if link.page_id in linked
                ],
            }
        )
    return items


def workshop_rows(filters):
    rows = (
        public_pages(WorkshopOutputPage)
        .prefetch_related(
            THEMES,
            Prefetch("facilitators", queryset=WorkshopFacilitator.objects.select_related("person__organisation")),
        )
        .order_by("pk")
    )
    return narrow(rows, filters, theme="theme_items__tag", year=under_meetings_in)


def workshop_items(request, workshops):
    meetings = attach_meetings(workshops)
    items = []
    for workshop in workshops:
        outputs = []
        for block in workshop.results.raw_data or []:
            if isinstance(block, dict) and block.get("type") in ("insight", "idea"):
                value = block.get("value") or {}
                outputs.append(
                    {
                        "kind": block["type"],
                        "title": value.get("title") or "",
                        "text": html_text(value.get("text") or ""),
                    }
                )
        people = _unique(link.person for link in workshop.facilitators.all())
        items.append(
            {
                **page_base(workshop, request),
                "meeting": meeting_ref(meetings.get(workshop.pk), request),
                "question": workshop.question,
                "facilitators": [person_role(person, request) for person in people],
                "outputs": outputs,
                "text": raw_stream_text(workshop.results),
            }
        )
    return items


# Themes and organisations -----------------------------------------------------------------------

THEME_COUNT_KEYS = {
    "strategypage": "strategies",
    "actionplanpage": "action_plans",
    "casepage": "cases",
    "workshopoutputpage": "workshop_outputs",
    "meetingpage": "meetings",
}


def theme_rows(filters):
    return Theme.objects.order_by("sort_order", "name", "pk")


def theme_items(request, themes):
    ids = [t.pk for t in themes]
    counts = {}
    rows = (
        PageTheme.objects.filter(tag_id__in=ids, content_object__in=Page.objects.live().public().values("pk"))
        .values_list("tag_id", "content_object__content_type__model")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for tag_id, model, n in rows:
        key = THEME_COUNT_KEYS.get(model)
        if key:
            counts.setdefault(tag_id, {})[key] = n
    action_counts = dict(
        ActionTheme.objects.filter(tag_id__in=ids, content_object__page__in=public_plans().values("pk"))
        .values_list("tag_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    items = []
    for theme in themes:
        theme_counts = {key: counts.get(theme.pk, {}).get(key, 0) for key in THEME_COUNT_KEYS.values()}
        theme_counts["actions"] = action_counts.get(theme.pk, 0)
        items.append({**theme_ref(theme, request), "description": theme.description, "counts": theme_counts})
    return items


def organisation_rows(filters):
    rows = Organisation.objects.select_related("municipality__region").order_by("pk")
    rows = narrow(rows, filters, municipality="municipality", region="municipality__region", changed=None)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return rows


def organisation_items(request, organisations):
    return [
        {
            **organisation_ref(organisation, request),
            "kind_label": str(Organisation.Kind(organisation.kind).label),
            "municipality": municipality_ref(organisation.municipality),
            "website": organisation.website,
            "description": organisation.description,
        }
        for organisation in organisations
    ]
