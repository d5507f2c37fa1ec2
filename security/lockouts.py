"""Administrators see the login lockouts and lift them (django-axes' records, in Wagtail's admin)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset

from .network import client_ip

logger = logging.getLogger("security.auth")


def can_manage_lockouts(user):
    return user.has_perm("axes.delete_accessattempt")


@require_http_methods(["GET", "POST"])
def lockout_list(request):
    if not can_manage_lockouts(request.user):
        raise PermissionDenied
    if request.method == "POST":
        attempt = AccessAttempt.objects.filter(pk=request.POST.get("attempt")).first()
        if attempt is not None:
            # Lift every lockout on this user name and this address.
            reset(username=attempt.username)
            reset(ip=attempt.ip_address)
            logger.info(
                "Lockout lifted user=%s ip=%s by=%s from=%s",
                attempt.username,
                attempt.ip_address,
                request.user.get_username(),
                client_ip(request),
            )
            messages.success(
                request,
                _("Spærringen for %(user)s fra %(ip)s er ophævet.")
                % {"user": attempt.username or "-", "ip": attempt.ip_address},
            )
        return redirect("security_lockouts")
    attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
    for attempt in attempts:
        attempt.locked = attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
    failures = AccessFailureLog.objects.order_by("-attempt_time")[:50]
    return TemplateResponse(
        request,
        "security/lockouts.html",
        {"attempts": attempts, "failures": failures, "limit": settings.AXES_FAILURE_LIMIT},
    )
