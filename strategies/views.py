"""Public views: the municipality listing and map, the comparison, coverage and organisation pages."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from cms.models import Municipality, Organisation, Region, Theme
from strategies.denmark_map import denmark_map
from strategies.models import Action, ActionPlanPage, ActionStatus, MunicipalityPage, StrategyPage, StrategyStatus

MIN_COMPARE, MAX_COMPARE = 2, 4
POPULATION_BANDS = [
    (0, 30_000, gettext_lazy("Under 30.000 indbyggere")),
    (30_000, 50_000, gettext_lazy("30.000–49.999 indbyggere")),
    (50_000, 100_000, gettext_lazy("50.000–99.999 indbyggere")),
    (100_000, None, gettext_lazy("100.000 indbyggere og derover")),
]


def _parent_path(page):
    return page.path[: -page.steplen]


def member_pages(index):
    """The published, public member municipalities under the index, with their reference data."""
    return (
        MunicipalityPage.objects.child_of(index)
        .live()
        .public()
        .select_related("municipality__region")
        .order_by("municipality__short_name")
    )


def public_strategies(index):
    return (
        StrategyPage.objects.descendant_of(index)
        .live()
        .public()
        .select_related("municipality__region")
        .prefetch_related("theme_items__tag")
        .order_by("-period_start", "-adopted_on", "title")
    )


def members_with_strategies(index):
    """Each public member page with its public strategies, newest first; one query each, whatever the size."""
    members = list(member_pages(index))
    by_path = {
        member.path: {"page": member, "municipality": member.municipality, "strategies": []} for member in members
    }
    for strategy in public_strategies(index):
        entry = by_path.get(_parent_path(strategy))
        if entry is not None:
            strategy.theme_list = [item.tag for item in strategy.theme_items.all()]
            entry["strategies"].append(strategy)
    return list(by_path.values())


def map_entries(members):
    """All 98 municipalities with their state on the map: published strategy, member without, or not a member."""
    member_by_code = {entry["municipality"].code: entry for entry in members}
    municipalities = {m.code: m for m in Municipality.objects.select_related("region")}
    entries = []
    for shape in denmark_map().shapes:
        municipality = municipalities.get(shape.code)
        member = member_by_code.get(shape.code)
        if member and member["strategies"]:
            strategy = member["strategies"][0]
            state = "published"
            label = _("strategi %(status)s") % {"status": strategy.get_status_display().lower()}
        elif member:
            state, label = "member", _("medlem, ingen offentliggjort strategi endnu")
        else:
            state, label = "none", _("ikke medlem")
        entries.append(
            {
                "shape": shape,
                "municipality": municipality,
                "member": member,
                "state": state,
                "label": label,
                "url": member["page"].url if member else f"#kommune-{shape.code}",
            }
        )
    return entries


def _choice(request, name, allowed, messages, unknown_message):
    """A validated filter value: the value if allowed, '' if absent, and None (plus a message) if unknown."""
    value = request.GET.get(name, "").strip()
    if not value:
        return ""
    if value in allowed:
        return value
    messages.append(unknown_message % {"value": value[:60]})
    return None


def listing_context(index, request):
    regions = list(Region.objects.all())
    themes = list(Theme.objects.all())
    messages = []
    region = _choice(
        request,
        "region",
        {r.slug for r in regions},
        messages,
        _("Vi kender ikke regionen »%(value)s«. Vælg en region på listen."),
    )
    theme = _choice(
        request,
        "tema",
        {t.slug for t in themes},
        messages,
        _("Vi kender ikke temaet »%(value)s«. Vælg et tema på listen."),
    )
    status = _choice(
        request,
        "status",
        set(StrategyStatus.values),
        messages,
        _("Vi kender ikke status »%(value)s«. Vælg en status på listen."),
    )
    members = members_with_strategies(index)
    results = [] if None in (region, theme, status) else members
    if region:
        results = [e for e in results if e["municipality"].region.slug == region]
    if status:
        results = [e for e in results if any(s.status == status for s in e["strategies"])]
    if theme:
        results = [e for e in results if any(t.slug == theme for s in e["strategies"] for t in s.theme_list)]
    return {
        "members": results,
        "member_count": len(members),
        "filtered": bool(region or theme or status or messages),
        "filter_messages": messages,
        "regions": regions,
        "themes": themes,
        "statuses": StrategyStatus.choices,
        "selected": {"region": region or "", "tema": theme or "", "status": status or ""},
        "map": denmark_map(),
        "map_entries": map_entries(members),
        "compare_url": index.subpage_url("compare"),
        "coverage_url": index.subpage_url("coverage"),
    }


def _action_partners(actions):
    partners = {}
    for action in actions:
        if action.responsible_id:
            partners[action.responsible.pk] = action.responsible
        for partner in action.partners.all():
            partners[partner.pk] = partner
    return sorted(partners.values(), key=lambda organisation: organisation.name)


def _status_counts(actions):
    return [
        {"label": label, "count": sum(1 for action in actions if action.status == value)}
        for value, label in ActionStatus.choices
    ]


def _comparison_column(page, plans_by_strategy):
    """What the comparison shows for one strategy or action plan."""
    if isinstance(page, StrategyPage):
        plans = plans_by_strategy.get(page.pk, [])
        actions = [action for plan in plans for action in plan.actions.all()]
        return {
            "page": page,
            "kind": _("Strategi"),
            "municipality": page.municipality,
            "status": page.get_status_display(),
            "period": page.period_label,
            "themes": [item.tag for item in page.theme_items.all()],
            "action_count": len(actions),
            "status_counts": _status_counts(actions),
            "partners": sorted(page.partners.all(), key=lambda organisation: organisation.name),
            "updated": page.last_published_at,
        }
    actions = list(page.actions.all())
    strategy = page.strategy
    return {
        "page": page,
        "kind": _("Handlingsplan"),
        "municipality": strategy.municipality if strategy else None,
        "status": strategy.get_status_display() if strategy else "",
        "period": page.period_label,
        "themes": [item.tag for item in page.theme_items.all()],
        "action_count": len(actions),
        "status_counts": _status_counts(actions),
        "partners": _action_partners(actions),
        "updated": page.last_published_at,
    }


def comparison_context(index, request):
    strategies = list(public_strategies(index).prefetch_related("partners"))
    plans = list(
        ActionPlanPage.objects.descendant_of(index)
        .live()
        .public()
        .select_related("strategy__municipality")
        .prefetch_related("theme_items__tag", "actions__partners", "actions__responsible")
        .order_by("title")
    )
    member_paths = {member.path for member in member_pages(index)}
    strategies = [s for s in strategies if _parent_path(s) in member_paths]
    plans = [p for p in plans if _parent_path(p) in member_paths]
    candidates = {page.pk: page for page in [*strategies, *plans]}

    messages = []
    raw = request.GET.getlist("side")
    chosen = []
    unknown = False
    for value in raw:
        try:
            page_id = int(value)
        except (TypeError, ValueError):
            unknown = True
            continue
        if page_id not in candidates:
            unknown = True
        elif page_id not in chosen:
            chosen.append(page_id)
    if unknown:
        messages.append(
            _("En eller flere af de valgte sider findes ikke eller er ikke offentliggjort. De er sprunget over.")
        )
    if len(chosen) > MAX_COMPARE:
        messages.append(_("Du kan sammenligne højst fire ad gangen. Vælg færre."))
        chosen = []
    elif raw and len(chosen) < MIN_COMPARE:
        messages.append(_("Vælg mindst to strategier eller handlingsplaner for at sammenligne."))
        chosen = []

    plans_by_strategy = {}
    for plan in plans:
        plans_by_strategy.setdefault(plan.strategy_id, []).append(plan)
    columns = [_comparison_column(candidates[page_id], plans_by_strategy) for page_id in chosen]

    groups = {}
    for page in [*strategies, *plans]:
        municipality = page.municipality
        groups.setdefault(municipality.name if municipality else "", []).append(
            {"page": page, "kind": _("Strategi") if isinstance(page, StrategyPage) else _("Handlingsplan")}
        )
    return {
        "columns": columns,
        "compare_messages": messages,
        "choices": sorted(groups.items()),
        "chosen": chosen,
        "compare_url": index.subpage_url("compare"),
        "min_compare": MIN_COMPARE,
        "max_compare": MAX_COMPARE,
        "meta_title": _("Sammenlign strategier og handlingsplaner"),
        "meta_description": _("Medlemskommunernes strategier og handlingsplaner side om side."),
    }


def coverage_context(index, request):
    members = members_with_strategies(index)
    member_codes = {entry["municipality"].code for entry in members}
    published_codes = {entry["municipality"].code for entry in members if entry["strategies"]}
    municipalities = list(Municipality.objects.select_related("region"))

    def summarise(group):
        codes = [m.code for m in group]
        total = len(codes)
        member_count = sum(1 for code in codes if code in member_codes)
        published = sum(1 for code in codes if code in published_codes)
        return {
            "total": total,
            "members": member_count,
            "published": published,
            "member_percent": round(100 * member_count / total) if total else 0,
            "published_percent": round(100 * published / total) if total else 0,
        }

    by_region = []
    for region in Region.objects.all():
        row = summarise([m for m in municipalities if m.region_id == region.pk])
        row["label"] = region.name
        by_region.append(row)
    by_band = []
    for low, high, label in POPULATION_BANDS:
        group = [
            m
            for m in municipalities
            if m.population is not None and m.population >= low and (high is None or m.population < high)
        ]
        row = summarise(group)
        row["label"] = label
        by_band.append(row)
    strategies = [strategy for entry in members for strategy in entry["strategies"]]
    strategies.sort(key=lambda s: s.last_published_at or s.first_published_at, reverse=True)
    population_years = {m.population_year for m in municipalities if m.population_year}
    return {
        "total": summarise(municipalities),
        "by_region": by_region,
        "by_band": by_band,
        "recent_strategies": strategies,
        "population_year": max(population_years) if population_years else None,
        "listing_url": index.url,
        "meta_title": _("Dækning: kommuner i netværket"),
        "meta_description": _(
            "Hvor mange af landets 98 kommuner er med i netværket og har offentliggjort en strategi."
        ),
    }


def organisation_sections(organisation, request):
    """What the organisation takes part in: its strategies and actions, then sections other apps add by hook."""
    strategies = (
        StrategyPage.objects.live()
        .public()
        .filter(partners=organisation)
        .select_related("municipality")
        .order_by("municipality__short_name", "title")
    )
    public_plans = ActionPlanPage.objects.live().public()
    actions = (
        Action.objects.filter(page__in=public_plans)
        .filter(Q(responsible=organisation) | Q(partners=organisation))
        .select_related("page", "responsible")
        .distinct()
        .order_by("page__title", "sort_order")
    )
    sections = []
    if strategies:
        sections.append(
            {
                "heading": _("Strategier"),
                "items": [
                    {"title": s.title, "url": s.url, "meta": f"{s.municipality} · {s.get_status_display()}"}
                    for s in strategies
                ],
            }
        )
    if actions:
        items = []
        for action in actions:
            role = _("Ansvarlig") if action.responsible_id == organisation.pk else _("Partner")
            items.append(
                {
                    "title": action.title,
                    "url": f"{action.page.url}#{action.anchor}",
                    "meta": f"{action.page.title} · {action.get_status_display()} · {role}",
                }
            )
        sections.append({"heading": _("Handlinger"), "items": items})
    for hook in hooks.get_hooks("organisation_page_sections"):
        sections.extend(hook(organisation, request) or [])
    return sections


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    return render(
        request,
        "strategies/organisation_detail.html",
        {
            "organisation": organisation,
            "sections": organisation_sections(organisation, request),
            "meta_title": organisation.name,
            "meta_description": organisation.description,
        },
    )
