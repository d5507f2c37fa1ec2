"""Registering for meetings and the conference: places, the waiting list and cancellations.

Every change takes a lock on the event's `RegistrationSetup` row, so two people cannot take the
last place at the same time (PostgreSQL: SELECT … FOR UPDATE; SQLite serialises writers anyway).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .models import AttendeeRole, Registration, RegistrationSetup, RegistrationStatus


class RegistrationRefused(Exception):
    """Why a registration cannot be made, in Danish, for the visitor."""


def _locked(setup):
    return RegistrationSetup.objects.select_for_update().select_related("page").get(pk=setup.pk)


def check_companion_rules(setup, municipality, role):
    """A member municipality sends one permanent member and may bring one companion to each meeting."""
    if role not in (AttendeeRole.MEMBER, AttendeeRole.COMPANION):
        return
    taken = setup.active_registrations().filter(municipality=municipality, role=role)
    if taken.exists():
        if role == AttendeeRole.MEMBER:
            raise RegistrationRefused(
                _("%(municipality)s har allerede tilmeldt sit faste medlem til dette møde.")
                % {"municipality": municipality.name}
            )
        raise RegistrationRefused(
            _(
                "%(municipality)s har allerede tilmeldt en ledsager til dette møde. "
                "Hvert fast medlem kan have én ledsager med."
            )
            % {"municipality": municipality.name}
        )


def register(setup, *, name, email, role, municipality=None, organisation="", now=None):
    """Register one person: a place while there are any, else the waiting list. Sends the e-mail."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked(setup)
        reason = setup.closed_reason(now)
        if reason:
            raise RegistrationRefused(reason)
        if setup.active_registrations().filter(email__iexact=email).exists():
            raise RegistrationRefused(
                _(
                    "%(email)s er allerede tilmeldt. Vi har sendt linket til din tilmelding til adressen igen, "
                    "så du kan se eller ændre den."
                )
                % {"email": email}
            )
        check_companion_rules(setup, municipality, role)
        status = RegistrationStatus.CONFIRMED if setup.places_left() > 0 else RegistrationStatus.WAITING
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    setup=setup,
                    name=name,
                    email=email,
                    role=role,
                    municipality=municipality,
                    organisation=organisation,
                    status=status,
                    created_at=now,
                    status_changed_at=now,
                )
        except IntegrityError as error:
            raise RegistrationRefused(_("Du er allerede tilmeldt dette arrangement.")) from error
    emails.registration_status(registration)
    return registration


def resend_link(setup, email):
    """The person's own registration e-mail again (after a duplicate attempt), when there is one."""
    existing = setup.active_registrations().filter(email__iexact=email).first()
    if existing is not None:
        emails.registration_status(existing)
    return existing


def cancel(registration, now=None):
    """Cancel; the first on the waiting list moves up and is told by e-mail."""
    now = now or timezone.now()
    with transaction.atomic():
        _locked(registration.setup)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration, None
        registration.status = RegistrationStatus.CANCELLED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        moved_up = fill_places(registration.setup, now)
    emails.registration_cancelled(registration)
    for promoted in moved_up:
        emails.registration_status(promoted, moved_up=True)
    return registration, moved_up


def fill_places(setup, now=None):
    """Move people up from the waiting list, first come first served, while there are places."""
    now = now or timezone.now()
    setup = RegistrationSetup.objects.get(pk=setup.pk)
    free = setup.places_left()
    if free <= 0:
        return []
    waiting = list(setup.registrations.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")[:free])
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
    return waiting


def setup_saved(sender, instance, created=False, raw=False, **kwargs):
    """An editor raised the capacity: people on the waiting list move up, and are told."""
    if created or raw or not instance.event.is_upcoming():
        return

    def promote():
        with transaction.atomic():
            _locked(instance)
            promoted = fill_places(instance)
        for registration in promoted:
            emails.registration_status(registration, moved_up=True)

    transaction.on_commit(promote)


def registration_deleted(sender, instance, **kwargs):
    """An editor deleted a confirmed registration in the admin: the waiting list moves up too."""
    if instance.status != RegistrationStatus.CONFIRMED:
        return
    setup = RegistrationSetup.objects.filter(pk=instance.setup_id).select_related("page").first()
    if setup is None or not setup.event.is_upcoming():
        return  # the whole event's registration is being deleted, or the event is over

    def promote():
        for promoted in fill_places(setup):
            emails.registration_status(promoted, moved_up=True)

    transaction.on_commit(promote)
