"""*Navigationshistorik*: who changed the site's menus, when, and which items came, went or moved.

Each save of *Indstillinger › Navigation* keeps a version (NavigationSettings is a RevisionMixin model);
this admin view lists the versions newest first and compares each with the one before it.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from cms.models import NavigationSettings

MENUS = (("main_menu", _("Hovedmenu")), ("footer_links", _("Links i sidefoden")))
SHOWN_VERSIONS = 50


def describe(stream):
    """Each menu item as the editor wrote it: "title → target", pages by their title and address."""
    items = []
    for block in stream:
        value = block.value
        page = value.get("page")
        if page is not None:
            target = page.url_path if not page.url else page.url
            items.append(f"{value.get('title') or page.title} → {target}")
        elif value.get("url"):
            items.append(f"{value.get('title') or value['url']} → {value['url']}")
    return items


def compare(before, after):
    """What changed between two lists of items: added, removed, and whether the order changed."""
    added = [item for item in after if item not in before]
    removed = [item for item in before if item not in after]
    kept_before = [item for item in before if item in after]
    kept_after = [item for item in after if item in before]
    return {"added": added, "removed": removed, "reordered": kept_before != kept_after}


def history_rows(navigation):
    revisions = list(navigation.revisions.select_related("user").order_by("-created_at", "-id")[: SHOWN_VERSIONS + 1])
    versions = [{name: describe(getattr(r.as_object(), name)) for name, _label in MENUS} for r in revisions]
    rows = []
    for index, revision in enumerate(revisions[:SHOWN_VERSIONS]):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        menus = []
        for name, label in MENUS:
            items = versions[index][name]
            change = compare(previous[name], items) if previous is not None else None
            if change is None or change["added"] or change["removed"] or change["reordered"]:
                menus.append({"label": label, "items": items, "change": change})
        rows.append({"revision": revision, "menus": menus, "first": previous is None})
    return rows


def navigation_history(request):
    if not request.user.has_perm("cms.change_navigationsettings"):
        raise PermissionDenied
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    navigation = NavigationSettings.for_site(site)
    return TemplateResponse(
        request,
        "cms/admin/navigation_history.html",
        {"rows": history_rows(navigation), "site": site, "shown": SHOWN_VERSIONS},
    )
