"""Deleting personal data when its retention period is over (settings.PARTICIPATION_RETENTION)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import MembershipApplication, MembershipStatus, Registration, Subscription

DEFAULTS = {
    "registrations_days_after_event": 90,
    "unconfirmed_subscriptions_days": 7,
    "rejected_applications_days": 90,
    "membership_years_after_year": 5,
}


def retention():
    return {**DEFAULTS, **getattr(settings, "PARTICIPATION_RETENTION", {})}


def expired(now=None):
    """The querysets of records whose retention period is over, by kind."""
    now = now or timezone.now()
    rules = retention()
    today = timezone.localdate(now)
    event_cutoff = today - datetime.timedelta(days=rules["registrations_days_after_event"])
    registrations = Registration.objects.filter(
        Q(setup__page__meetingpage__date__lt=event_cutoff) | Q(setup__page__conferencepage__date__lt=event_cutoff)
    )
    return {
        "registrations": registrations,
        "unconfirmed_subscriptions": Subscription.objects.filter(
            confirmed_at__isnull=True,
            created_at__lt=now - datetime.timedelta(days=rules["unconfirmed_subscriptions_days"]),
        ),
        "rejected_applications": MembershipApplication.objects.filter(
            status=MembershipStatus.REJECTED,
            decided_at__lt=now - datetime.timedelta(days=rules["rejected_applications_days"]),
        ),
        "old_applications": MembershipApplication.objects.filter(
            year__lt=today.year - rules["membership_years_after_year"]
        ),
    }


def purge(now=None, dry_run=False):
    """Delete what has expired; returns the count per kind."""
    counts = {}
    with transaction.atomic():
        for kind, queryset in expired(now).items():
            counts[kind] = queryset.count() if dry_run else queryset.delete()[0]
    return counts
