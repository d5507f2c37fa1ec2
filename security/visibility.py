"""Whether a visitor may follow a link to a page: it is live, and every privacy setting on it or
its ancestors lets this visitor in (a password they gave, a login, a group).

Templates use `{% load security_tags %}` and `{% if page|visible_to:request %}`; Python code calls
`page_is_visible(page, request)`. One query per request loads the site's privacy settings.
"""

from wagtail.models import PageViewRestriction


def _restrictions(request):
    cached = getattr(request, "_security_view_restrictions", None) if request is not None else None
    if cached is None:
        cached = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        if request is not None:
            request._security_view_restrictions = cached
    return cached


def page_is_visible(page, request=None):
    """True when the page is live and every view restriction on it (or above it) accepts the visitor."""
    if page is None or not getattr(page, "live", False):
        return False
    path = page.path
    for restriction in _restrictions(request):
        if path.startswith(restriction.page.path) and (request is None or not restriction.accept_request(request)):
            return False
    return True
