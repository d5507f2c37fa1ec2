"""Queries the municipality pages share: member municipalities and their published strategies."""

from strategies.models.pages import MunicipalityPage, StrategyPage


def parent_path(page):
    """The tree path of the page's parent, without a query."""
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
        entry = by_path.get(parent_path(strategy))
        if entry is not None:
            strategy.theme_list = [item.tag for item in strategy.theme_items.all()]
            entry["strategies"].append(strategy)
    return list(by_path.values())
