"""Membership: who is a member, and what approving a sign-up does.

A municipality is a member when it has a published `MunicipalityPage` under /kommuner/ (that is
what the map, the list and /kommuner/daekning/ count). Approving a sign-up therefore publishes
the municipality's page (creating it when there is none) and records the year, so the map and the
coverage overview follow without further work.
"""

from django.db import transaction
from django.utils import timezone

from strategies.models import MunicipalityIndexPage, MunicipalityPage

from .models import MembershipApplication, MembershipStatus


def member_municipality_ids(year=None):
    """The ids of member municipalities: a published page, or a sign-up approved for `year`."""
    ids = set(MunicipalityPage.objects.live().values_list("municipality_id", flat=True))
    if year is not None:
        ids |= set(
            MembershipApplication.objects.filter(status=MembershipStatus.APPROVED, year=year).values_list(
                "municipality_id", flat=True
            )
        )
    return ids


class ApprovalError(Exception):
    pass


@transaction.atomic
def approve(application, user):
    """Approve the sign-up and make the municipality a member: its page is published."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status == MembershipStatus.APPROVED:
        return application
    index = MunicipalityIndexPage.objects.first()
    if index is None:
        raise ApprovalError("Der er ingen kommuneoversigt (/kommuner/) at oprette kommunens side under.")
    municipality = application.municipality
    page = MunicipalityPage.objects.filter(municipality=municipality).first()
    if page is None:
        page = MunicipalityPage(
            title=municipality.name,
            municipality=municipality,
            slug=municipality.slug,
            member_since=application.year,
            intro=f"{municipality.name} er medlem af netværket for grønne partnerskaber.",
        )
        index.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
    else:
        page = page.specific
        member_since = min(filter(None, [page.member_since, application.year]))
        if not page.live:
            page.member_since = member_since
            page.save_revision(user=user).publish(user=user)
        elif page.member_since != member_since:
            # A reference fact, not editorial text: set it on the live page without touching drafts.
            MunicipalityPage.objects.filter(pk=page.pk).update(member_since=member_since)
    application.status = MembershipStatus.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.save(update_fields=["status", "decided_at", "decided_by"])
    return application


@transaction.atomic
def reject(application, user):
    application.status = MembershipStatus.REJECTED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.save(update_fields=["status", "decided_at", "decided_by"])
    return application
