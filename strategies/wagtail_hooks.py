"""Site hooks of the strategies app: actions on theme pages, and the home page's map and newest strategies."""

from dataclasses import dataclass

from django.db.models import Count, Q, Window
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from wagtail import hooks

from cms.content_cache import cached_fragment
from cms.home import HomeSection, latest_pages_section
from cms.themes import GROUP_PREVIEW_SIZE, ThemeItemSource

from .denmark_map import denmark_map
from .map_data import map_entries
from .models import Action, ActionPlanPage, MunicipalityIndexPage, StrategyPage
from .models.actions import ActionTheme
from .queries import members_with_strategies


@dataclass
class ActionItem:
    """An action as theme pages list it: a card linking straight to the action on its plan."""

    title: str
    url: str
    summary: str
    card_meta: str
    kind_label: str = ""


def _visible_actions():
    return Action.objects.filter(page__in=ActionPlanPage.objects.live().public().order_by().values("pk"))


def _action_counts():
    rows = (
        ActionTheme.objects.filter(content_object__in=_visible_actions().values("pk"))
        .values("tag")
        .annotate(count=Count("content_object", distinct=True))
    )
    return {row["tag"]: row["count"] for row in rows}


def _action_item(action):
    plan = action.page
    municipality = plan.strategy.municipality.name if plan.strategy_id and plan.strategy.municipality_id else ""
    return ActionItem(
        title=action.title,
        url=f"{plan.url}#{action.anchor}",
        summary=action.description,
        card_meta=", ".join(part for part in (plan.title, municipality) if part),
        kind_label=_("Handling"),
    )


class ActionItems:
    """A theme's actions as cards, built only for the slice a theme page shows; counted by the database.

    A theme at full scale has hundreds of actions and its page shows six (or one page of twenty):
    building a card (with its plan's address) for every one of them cost most of the page's time.
    """

    def __init__(self, queryset):
        self.queryset = queryset
        self._count = None

    def count(self):
        """The number of actions; the first ones come in the same query (a window count), for the preview."""
        if self._count is None:
            self._first = list(self.queryset.annotate(_total=Window(Count("pk")))[:GROUP_PREVIEW_SIZE])
            self._count = self._first[0]._total if self._first else 0
        return self._count

    __len__ = count

    def __getitem__(self, index):
        if isinstance(index, slice):
            first = getattr(self, "_first", None)
            # The preview read with the count holds the slice asked for (or every action there is).
            from_start = first is not None and not index.step and (index.start or 0) == 0
            if from_start and (len(first) == self._count or (index.stop is not None and index.stop <= len(first))):
                return [_action_item(action) for action in first[: index.stop]]
            return [_action_item(action) for action in self.queryset[index]]
        return _action_item(self.queryset[index])

    def __iter__(self):
        return (_action_item(action) for action in self.queryset)


def _actions_for_theme(theme):
    return ActionItems(
        _visible_actions()
        .filter(theme_items__tag=theme)
        .select_related("page", "page__strategy__municipality")
        .order_by("-page__first_published_at", "page_id", "sort_order")
    )


@hooks.register("theme_item_sources")
def action_theme_source():
    return [
        ThemeItemSource(
            key="strategies.action",
            label=gettext_lazy("Handlinger"),
            count_by_theme=_action_counts,
            items_for_theme=_actions_for_theme,
        )
    ]


def _home_map_context():
    """What the home page's map section shows, or {} while the municipality index is not published."""
    index = MunicipalityIndexPage.objects.live().public().first()
    if index is None:
        return {}
    members = members_with_strategies(index)
    map_context = {"map": denmark_map(), "map_entries": map_entries(members, table_url=index.url)}
    return {
        "index_url": index.url,
        "map_html": str(render_to_string("strategies/includes/denmark_map.html", map_context)),
        "member_count": len(members),
        "published_count": sum(1 for entry in members if entry["strategies"]),
    }


@hooks.register("home_page_sections")
def map_section(request, home_page):
    """A small map of the member municipalities; hidden until the municipality index is published.

    Rendered once per content generation and language (strategies/map_data.py says why)."""
    context = dict(cached_fragment("strategies.home_map", (get_language(),), _home_map_context))
    if not context:
        return None
    context["map_html"] = mark_safe(context["map_html"])  # noqa: S308 - the output of our own template
    return HomeSection(key="map", order=30, template="strategies/home/map_section.html", context=context)


@hooks.register("home_page_sections")
def latest_strategies_section(request, home_page):
    """The newest published strategies and action plans; hidden while there are none."""
    return latest_pages_section(
        "latest-strategies", 50, "strategies/home/latest_strategies.html", StrategyPage, ActionPlanPage
    )


@hooks.register("organisation_page_sections", order=10)
def organisation_strategies_and_actions(organisation, request):
    """The published strategies and actions an organisation takes part in, for its public page."""
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
                    {
                        "title": strategy.title,
                        "url": strategy.get_url(request),
                        "meta": f"{strategy.municipality} · {strategy.get_status_display()}",
                    }
                    for strategy in strategies
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
                    "url": f"{action.page.get_url(request)}#{action.anchor}",
                    "meta": f"{action.page.title} · {action.get_status_display()} · {role}",
                }
            )
        sections.append({"heading": _("Handlinger"), "items": items})
    return sections


# The approval hooks (submit button, KL's decision back to the editor) and the review panel live in their own
# modules.
from . import approval, review_panel  # noqa: E402, F401
