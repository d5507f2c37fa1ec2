"""Bulk actions name only objects the editor can see.

Wagtail's bulk-action confirmation pages (`/admin/bulk/<app>/<model>/<action>/?id=…`) look up every
ID in the address and list the ones the editor may not act on by title: a way to read other
municipalities' image, document and unpublished page titles. IDs outside what the editor's listings
show are dropped from the request before Wagtail sees it.
"""

import re

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

BULK_PATH = re.compile(r"^/admin/bulk/(?P<app>[\w]+)/(?P<model>[\w]+)/(?P<action>[\w-]+)/$")


def visible_ids(user, app, model, parent_id=None):
    """The IDs the user's listings show for a bulk-action model, or None when every ID may be named."""
    if user.is_superuser:
        return None
    if (app, model) == ("wagtailimages", "image"):
        policy = policy_registry.get_by_type(get_image_model())
        queryset = policy.instances_user_has_any_permission_for(user, ["change", "delete"])
    elif (app, model) == ("wagtaildocs", "document"):
        policy = policy_registry.get_by_type(get_document_model())
        queryset = policy.instances_user_has_any_permission_for(user, ["change", "delete"])
    elif (app, model) == ("wagtailcore", "page"):
        queryset = PagePermissionPolicy().explorable_instances(user)
        if parent_id and str(parent_id).isdigit():
            parent = Page.objects.filter(pk=parent_id).first()
            queryset = queryset.child_of(parent) if parent else queryset.none()
    else:
        return None
    return {str(pk) for pk in queryset.values_list("pk", flat=True)}


def restrict_bulk_request(request):
    """Drop IDs the user cannot see from a bulk-action request (GET and POST share the query string)."""
    match = BULK_PATH.match(request.path_info)
    if match is None or not request.user.is_authenticated:
        return
    allowed = visible_ids(request.user, match["app"], match["model"], request.GET.get("childOf"))
    if allowed is None:
        return
    requested = request.GET.getlist("id")
    kept = sorted(allowed, key=int) if "all" in requested else [pk for pk in requested if pk in allowed]
    if kept == requested:
        return
    query = request.GET.copy()
    query.setlist("id", kept)
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()
