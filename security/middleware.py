"""Response headers (CSP, Permissions-Policy) and the admin's gatekeeping (second factor, reports)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from .bulk import restrict_bulk_request
from .choices import is_site_editor
from .twofactor import needs_verification, verification_url


def is_admin_path(path):
    return path.startswith(tuple(settings.CSP_ADMIN_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's own policy under CSP_ADMIN_PREFIXES.

    Public pages get CONTENT_SECURITY_POLICY (strict). The Wagtail admin runs inline scripts and
    styles of its own, so it gets CSP_ADMIN_POLICY enforced and the strict CSP_ADMIN_REPORT_ONLY_POLICY
    as report-only: what the admin would break under the strict policy shows in the browser console.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and is_admin_path(request.path_info):
            policy = settings.CSP_ADMIN_REPORT_ONLY_POLICY if report_only else settings.CSP_ADMIN_POLICY
            return PolicyParts(default_config(policy["DIRECTIVES"]), parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header: browser features no page of the site uses are switched off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response


# Admin paths a user who still owes the second factor may reach.
_OPEN_ADMIN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/jsi18n/",
    "/admin/sprite/",  # the icon sprite every admin page (also the code page) fetches
    "/django-admin/login/",
    "/django-admin/logout/",
)


class AdminAccessMiddleware:
    """Gatekeeping in the admin that Wagtail's permissions do not cover.

    - A user who needs a second factor (security.twofactor) is sent to set it up or enter a code
      before any other admin view, in Wagtail's admin and /django-admin/ alike.
    - Wagtail's reports (locked pages, workflows, site history, …) are for administrators and KL
      editors only: they list every editor's name and pages across municipalities.
    - Bulk actions name only objects the editor can see (security.bulk).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if is_admin_path(path) and request.user.is_authenticated:
            open_paths = (*_OPEN_ADMIN_PATHS, reverse("security:twofactor_setup"), reverse("security:twofactor_verify"))
            if not path.startswith(open_paths) and needs_verification(request):
                return redirect(f"{verification_url(request.user)}?{urlencode({'next': request.get_full_path()})}")
            if path.startswith("/admin/reports/") and not can_see_reports(request.user):
                raise PermissionDenied
            restrict_bulk_request(request)
        return self.get_response(request)


def can_see_reports(user):
    return is_site_editor(user)
