"""E-mail alerts: which newly published items a subscription covers, and sending the digests."""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from cases.models import CasePage, WorkshopOutputPage
from strategies.models import ActionPlanPage, MunicipalityPage, StrategyPage

from . import emails
from .models import AlertKind, Subscription

logger = logging.getLogger(__name__)

STRATEGY_TYPES = (StrategyPage, ActionPlanPage)
CASE_TYPES = (CasePage, WorkshopOutputPage)
DIGEST_SIZE = 50


def covered_pages(subscription):
    """Every page (live or not, any date) the subscription is about."""
    if subscription.kind == AlertKind.STRATEGIES:
        return Page.objects.type(*STRATEGY_TYPES)
    if subscription.kind == AlertKind.CASES:
        return Page.objects.type(*CASE_TYPES)
    if subscription.kind == AlertKind.THEME:
        return Page.objects.type(*STRATEGY_TYPES, *CASE_TYPES).filter(theme_items__tag_id=subscription.theme_id)
    if subscription.kind == AlertKind.MUNICIPALITY:
        member_page = MunicipalityPage.objects.filter(municipality_id=subscription.municipality_id).first()
        own = Q(pk__in=[])
        if member_page is not None:
            own = Q(path__startswith=member_page.path, depth__gt=member_page.depth)
        cases = CasePage.objects.filter(municipality_links__municipality_id=subscription.municipality_id)
        return Page.objects.type(*STRATEGY_TYPES, *CASE_TYPES).filter(own | Q(pk__in=cases.values("pk")))
    return Page.objects.none()


def new_items(subscription, since, until):
    """Live, public pages first published in (since, until], oldest first."""
    pages = (
        covered_pages(subscription)
        .live()
        .public()
        .filter(first_published_at__gt=since, first_published_at__lte=until)
        .distinct()
        .order_by("first_published_at", "pk")
        .specific()
    )
    return list(pages[:DIGEST_SIZE])


def digest_entries(pages):
    entries = []
    for page in pages:
        entries.append(
            {
                "title": page.title,
                "kind": page.specific_class._meta.verbose_name,
                "url": page.get_full_url(),
                "summary": getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description,
                "published": page.first_published_at,
            }
        )
    return entries


def send_digests(now=None, dry_run=False):
    """Send every confirmed subscription that is due its digest; returns (sent, checked).

    A subscription with nothing new gets no e-mail, but its window moves on, so the next digest
    covers only what is new since this run. A failure to send leaves the window where it was,
    so the next run tries again.
    """
    now = now or timezone.now()
    sent = checked = 0
    subscriptions = Subscription.objects.filter(confirmed_at__isnull=False).select_related("theme", "municipality")
    for subscription in subscriptions.order_by("pk").iterator():
        if not subscription.is_due(now):
            continue
        checked += 1
        since = subscription.last_sent_at or subscription.confirmed_at
        items = digest_entries(new_items(subscription, since, now))
        if dry_run:
            sent += bool(items)
            continue
        if items:
            try:
                emails.digest(subscription, items)
            except Exception:
                logger.exception("Could not send the digest for subscription %s", subscription.pk)
                continue
            sent += 1
        with transaction.atomic():
            Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return sent, checked
