"""Admin views for KL editors: approve a membership sign-up; export or erase one person's data."""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages

from . import emails, membership
from .models import MembershipApplication, MembershipStatus, Registration, Subscription
from .permissions import can_manage_personal_data


@require_http_methods(["GET", "POST"])
def approve_membership(request, pk):
    if not request.user.has_perm("participation.change_membershipapplication"):
        raise PermissionDenied
    application = get_object_or_404(MembershipApplication.objects.select_related("municipality"), pk=pk)
    index_url = reverse("wagtailsnippets_participation_membershipapplication:list")
    if request.method == "POST":
        if application.status == MembershipStatus.APPROVED:
            messages.warning(request, _("Tilmeldingen er allerede godkendt."))
            return redirect(index_url)
        try:
            membership.approve(application, request.user)
        except membership.ApprovalError as error:
            messages.error(request, str(error))
            return redirect(index_url)
        emails.membership_approved(application)
        messages.success(
            request,
            _("%(municipality)s er nu medlem for %(year)s, og kommunens side er offentliggjort.")
            % {"municipality": application.municipality.name, "year": application.year},
        )
        return redirect(index_url)
    return render(
        request,
        "participation/admin/approve.html",
        {"application": application, "index_url": index_url, "header_title": _("Godkend medlemstilmelding")},
    )


def records_for(email):
    """Everything the participation app stores about one e-mail address."""
    return {
        "memberships": list(MembershipApplication.objects.filter(email__iexact=email).select_related("municipality")),
        "registrations": list(
            Registration.objects.filter(email__iexact=email).select_related("setup__page", "municipality")
        ),
        "subscriptions": list(Subscription.objects.filter(email__iexact=email).select_related("theme", "municipality")),
    }


def export_data(email, records):
    """A JSON document with every record about the person (the right of access, GDPR art. 15)."""
    data = {
        "e-mail": email,
        "medlemstilmeldinger": [
            {
                "kommune": r.municipality.name,
                "medlemsår": r.year,
                "navn": r.name,
                "stilling": r.job_title,
                "e-mail": r.email,
                "telefon": r.phone,
                "ean": r.ean,
                "reference": r.order_reference,
                "status": r.get_status_display(),
                "modtaget": r.created_at,
            }
            for r in records["memberships"]
        ],
        "tilmeldinger": [
            {
                "arrangement": r.setup.page.title,
                "navn": r.name,
                "e-mail": r.email,
                "organisation": r.organisation,
                "medlemskommune": r.municipality.name if r.municipality else None,
                "deltager som": r.get_role_display(),
                "status": r.get_status_display(),
                "tilmeldt": r.created_at,
            }
            for r in records["registrations"]
        ],
        "abonnementer": [
            {
                "e-mail": s.email,
                "abonnerer på": str(s.subject_label),
                "hyppighed": s.get_frequency_display(),
                "oprettet": s.created_at,
                "bekræftet": s.confirmed_at,
            }
            for s in records["subscriptions"]
        ],
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@require_http_methods(["GET", "POST"])
def personal_data(request):
    if not can_manage_personal_data(request.user):
        raise PermissionDenied
    email = (request.POST.get("email") or request.GET.get("email") or "").strip()
    records = records_for(email) if email else None
    if email and request.GET.get("format") == "json":
        response = HttpResponse(export_data(email, records), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="persondata.json"'
        return response
    if request.method == "POST" and email and request.POST.get("erase") == "1":
        with transaction.atomic():
            counts = {
                "memberships": MembershipApplication.objects.filter(email__iexact=email).delete()[0],
                "registrations": 0,
                "subscriptions": Subscription.objects.filter(email__iexact=email).delete()[0],
            }
            for registration in Registration.objects.filter(email__iexact=email):
                registration.delete()  # one by one, so the waiting list moves up for each place freed
                counts["registrations"] += 1
        messages.success(
            request,
            _(
                "Alle oplysninger om %(email)s er slettet: %(memberships)s medlemstilmeldinger, "
                "%(registrations)s tilmeldinger og %(subscriptions)s abonnementer."
            )
            % {"email": email, **counts},
        )
        return redirect(reverse("participation_personal_data:index"))
    total = sum(len(items) for items in records.values()) if records else 0
    context = {"email": email, "records": records, "total": total, "header_title": _("Persondata")}
    return render(request, "participation/admin/personal_data.html", context)
