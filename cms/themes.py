"""What is published on each theme: counts and items across every page type.

Pages are counted through the shared `PageTheme` link table. Items that are not pages (such as the
actions inside an action plan) join through the `theme_item_sources` Wagtail hook: each hook function
returns a `ThemeItemSource`.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page

from cms.cards import specific_cards
from cms.models.themes import PageTheme, Theme

# Content types shown first on a theme page, in this order; others follow alphabetically.
PREFERRED_ORDER = [
    "strategies.strategypage",
    "strategies.actionplanpage",
    "cases.casepage",
    "cases.workshopoutputpage",
    "cases.meetingpage",
    "cases.conferencepage",
]


@dataclass
class ThemeItemSource:
    """Non-page items that carry themes, e.g. actions in action plans."""

    key: str  # used in the ?type= parameter
    label: str  # plural, e.g. "Handlinger"
    count_by_theme: Any  # callable() -> {theme_id: count}
    items_for_theme: Any  # callable(theme) -> sequence of objects with title, url, summary, meta


@dataclass
class ThemeGroup:
    key: str
    label: str
    count: int
    items: Any  # a queryset or sequence, sliced by the view


def visible_pages():
    return Page.objects.live().public()


def item_sources():
    return [source for hook in hooks.get_hooks("theme_item_sources") for source in hook()]


def theme_counts():
    """{theme id: number of live, public items tagged with it}, pages and other items together."""
    rows = (
        PageTheme.objects.filter(content_object__in=visible_pages().order_by().values("pk"))
        .values("tag")
        .annotate(count=Count("content_object", distinct=True))
    )
    counts = {row["tag"]: row["count"] for row in rows}
    for source in item_sources():
        for theme_id, count in source.count_by_theme().items():
            counts[theme_id] = counts.get(theme_id, 0) + count
    return counts


def themes_with_counts():
    counts = theme_counts()
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.item_count = counts.get(theme.pk, 0)
    return themes


def _content_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def _sort_key(group):
    try:
        return (PREFERRED_ORDER.index(group.key), "")
    except ValueError:
        return (len(PREFERRED_ORDER), str(group.label))


def groups_for_theme(theme):
    """The theme's items grouped by content type, each group with its count and a lazy item list."""
    tagged = visible_pages().filter(theme_items__tag=theme)
    rows = tagged.order_by().values("content_type").annotate(count=Count("pk", distinct=True))
    groups = []
    for row in rows:
        content_type = ContentType.objects.get_for_id(row["content_type"])
        model = content_type.model_class()
        if model is None:
            continue
        # The page type's own queryset, so the rows its card shows (`card_select_related`, e.g. a strategy's
        # municipality) come in the same query whatever the number of items.
        items = (
            model.objects.filter(pk__in=tagged.filter(content_type=content_type).values("pk"))
            .select_related(*getattr(model, "card_select_related", ()))
            .order_by("-first_published_at", "pk")
        )
        groups.append(
            ThemeGroup(
                key=_content_type_key(content_type),
                label=str(model._meta.verbose_name_plural).capitalize(),
                count=row["count"],
                items=items,
            )
        )
    for source in item_sources():
        items = source.items_for_theme(theme)
        count = len(items)
        if count:
            groups.append(ThemeGroup(key=source.key, label=str(source.label), count=count, items=items))
    return sorted(groups, key=_sort_key)


def related_themes(theme, limit=5):
    """The themes most often found on the same live, public pages as this one (one query)."""
    pages = visible_pages().filter(theme_items__tag=theme).order_by().values("pk")
    result = list(
        Theme.objects.exclude(pk=theme.pk)
        .filter(page_items__content_object__in=pages)
        .annotate(shared_count=Count("page_items__content_object", distinct=True))
        .order_by("-shared_count", "pk")[:limit]
    )
    return result


def related_pages(page, limit=6):
    """Up to `limit` live, public pages sharing the most themes with `page`, never the page itself."""
    # The page's own themes as a subquery: one query finds the pages that share the most of them.
    theme_ids = PageTheme.objects.filter(content_object_id=page.pk).values("tag_id")
    rows = (
        PageTheme.objects.filter(tag_id__in=theme_ids, content_object__in=visible_pages().order_by().values("pk"))
        .exclude(content_object_id=page.pk)
        .values("content_object")
        .annotate(shared=Count("tag", distinct=True))
        .order_by("-shared", "-content_object")[:limit]
    )
    order = [row["content_object"] for row in rows]
    pages = specific_cards(order)
    return [pages[pk] for pk in order if pk in pages]


GROUP_PREVIEW_SIZE = 6
GROUP_PAGE_SIZE = 20


def theme_detail_context(theme, request):
    """What /temaer/<slug>/ shows: every group of content on the theme, or one group paged (`?type=…&side=…`)."""
    groups = groups_for_theme(theme)
    selected_key = request.GET.get("type", "")
    message = ""
    selected = None
    if selected_key:
        selected = next((group for group in groups if group.key == selected_key), None)
        if selected is None:
            message = _("Der er ingen indholdstype med det navn på dette tema. Her er alt på temaet.")
    if selected is not None:
        selected.page_obj = Paginator(selected.items, GROUP_PAGE_SIZE).get_page(request.GET.get("side"))
        shown_groups = [selected]
    else:
        for group in groups:
            group.preview = list(group.items[:GROUP_PREVIEW_SIZE])
        shown_groups = groups
    return {
        "theme": theme,
        "groups": groups,
        "shown_groups": shown_groups,
        "selected": selected,
        "message": message,
        "total": sum(group.count for group in groups),
        "related_themes": related_themes(theme),
        "meta_title": capfirst(theme.name),
        "meta_description": theme.description,
    }
