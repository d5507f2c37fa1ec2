"""What the map of Denmark shows for each of the 98 municipalities, and the map rendered once per content change.

The map is the heaviest part of the home page and /kommuner/ (98 paths, 98 links, and on /kommuner/ a table
of 98 rows), and it changes only when a member municipality or a strategy is published, unpublished, moved
or renamed. Both pages take it from `cms.content_cache.cached_fragment`, keyed on the content generation those
changes bump and on the language (its labels and links are translated).
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.content_cache import cached_fragment
from cms.models import Municipality
from strategies.denmark_map import denmark_map


def map_entries(members, table_url=""):
    """All 98 municipalities with their state on the map: published strategy, member without, or not a member.

    A member links to its page; any other municipality to its row in the table on /kommuner/
    (`table_url` is that page's address when the map is drawn elsewhere, e.g. on the home page).
    """
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
                "url": member["page"].url if member else f"{table_url}#kommune-{shape.code}",
            }
        )
    return entries


def index_map_html(index, members):
    """The map beside its table, for /kommuner/ (`members`: every member, as members_with_strategies gives)."""

    def render():
        context = {"map": denmark_map(), "map_entries": map_entries(members)}
        return str(render_to_string("strategies/includes/map_layout.html", context))

    return mark_safe(cached_fragment("strategies.index_map", (index.pk, get_language()), render))  # noqa: S308 - the output of our own template
