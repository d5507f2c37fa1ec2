"""The contexts of MunicipalityIndexPage's routes: the listing with its map, the comparison and the coverage.

The page model imports this module at the top; it imports the strategy models from their own modules, so
no import waits until a request.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.models import Municipality, Region, Theme
from strategies.map_data import index_map_html
from strategies.models.choices import StrategyStatus, count_by_status
from strategies.models.pages import ActionPlanPage, StrategyPage
from strategies.queries import member_pages, members_with_strategies, parent_path, public_strategies
from strategies.reviews import overdue_count

MIN_COMPARE, MAX_COMPARE = 2, 4
POPULATION_BANDS = [
    (0, 30_000, gettext_lazy("Under 30.000 indbyggere")),
    (30_000, 50_000, gettext_lazy("30.000–49.999 indbyggere")),
    (50_000, 100_000, gettext_lazy("50.000–99.999 indbyggere")),
    (100_000, None, gettext_lazy("100.000 indbyggere og derover")),
]


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
        "map_html": index_map_html(index, members),
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
            "status_counts": count_by_status(actions),
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
        "status_counts": count_by_status(actions),
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
    strategies = [s for s in strategies if parent_path(s) in member_paths]
    plans = [p for p in plans if parent_path(p) in member_paths]
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
        "overdue_count": overdue_count(),
        "population_year": max(population_years) if population_years else None,
        "listing_url": index.url,
        "meta_title": _("Dækning: kommuner i netværket"),
        "meta_description": _(
            "Hvor mange af landets 98 kommuner er med i netværket og har offentliggjort en strategi."
        ),
    }
