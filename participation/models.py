"""What visitors hand in: membership sign-ups, event registrations and e-mail alerts.

Every record holds personal data and is deleted by `purge_personal_data` when its retention
period is over (see docs/participation.md).
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel

from .ean import normalise_ean, validate_ean

EVENT_PAGE_TYPES = ("cases.MeetingPage", "cases.ConferencePage")


def new_token():
    return secrets.token_urlsafe(24)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("afventer godkendelse")
    APPROVED = "approved", _("godkendt")
    REJECTED = "rejected", _("afvist")


class MembershipApplication(models.Model):
    """A municipality's sign-up for a year of membership; a KL editor approves it."""

    municipality = models.ForeignKey(
        "cms.Municipality", verbose_name=_("kommune"), on_delete=models.PROTECT, related_name="membership_applications"
    )
    year = models.PositiveSmallIntegerField(_("medlemsår"))
    name = models.CharField(_("fast medlems navn"), max_length=200)
    job_title = models.CharField(_("stilling"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefon"), max_length=40)
    ean = models.CharField(
        _("EAN-nummer"), max_length=13, validators=[validate_ean], help_text=_("13 cifre til elektronisk faktura.")
    )
    order_reference = models.CharField(_("ordre- eller referencenummer"), max_length=100, blank=True)
    terms_accepted_at = models.DateTimeField(_("vilkår accepteret"))
    status = models.CharField(
        _("status"), max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    created_at = models.DateTimeField(_("modtaget"), default=timezone.now)
    decided_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandlet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("year")]),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("job_title"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Fast medlem"),
        ),
        FieldRowPanel([FieldPanel("ean"), FieldPanel("order_reference")], heading=_("Fakturering")),
        FieldPanel("status", read_only=True),
        FieldPanel("terms_accepted_at", read_only=True),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("medlemstilmelding")
        verbose_name_plural = _("medlemstilmeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"],
                condition=~Q(status="rejected"),
                name="one_membership_application_per_municipality_and_year",
                violation_error_message=_("Kommunen er allerede tilmeldt for dette år."),
            )
        ]

    def __str__(self):
        return f"{self.municipality.name} {self.year}"

    def clean(self):
        super().clean()
        self.ean = normalise_ean(self.ean)


class Audience(models.TextChoices):
    MEMBERS = "members", _("medlemmer og deres ledsagere")
    PUBLIC = "public", _("alle (medlemmer deltager gratis)")


class RegistrationSetup(models.Model):
    """Registration opened by a KL editor on a meeting or the conference: capacity, deadline, who may come."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("møde eller konference"),
        on_delete=models.CASCADE,
        related_name="registration_setup",
    )
    audience = models.CharField(_("hvem kan tilmelde sig"), max_length=20, choices=Audience.choices)
    capacity = models.PositiveIntegerField(
        _("antal pladser"), help_text=_("Når pladserne er fyldt, kommer nye tilmeldinger på venteliste.")
    )
    deadline = models.DateTimeField(
        _("tilmeldingsfrist"), help_text=_("Dansk tid. Tilmeldingen lukker af sig selv på dette tidspunkt.")
    )
    is_open = models.BooleanField(
        _("åben for tilmelding"), default=True, help_text=_("Fjern fluebenet for at lukke tilmeldingen før fristen.")
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)

    panels = [
        PageChooserPanel("page", list(EVENT_PAGE_TYPES)),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("deadline")]),
        FieldPanel("is_open"),
    ]

    class Meta:
        ordering = ["deadline"]
        verbose_name = _("tilmelding til arrangement")
        verbose_name_plural = _("tilmeldinger til arrangementer")

    def __str__(self):
        return self.page.title if self.page_id else str(_("tilmelding"))

    @property
    def event(self):
        return self.page.specific

    def clean(self):
        super().clean()
        if not self.page_id:
            return
        event = self.page.specific
        if f"{event._meta.app_label}.{event.__class__.__name__}" not in EVENT_PAGE_TYPES:
            raise ValidationError({"page": _("Vælg et netværksmøde eller en konference.")})
        if self.deadline and timezone.localtime(self.deadline).date() > event.date:
            raise ValidationError({"deadline": _("Fristen skal ligge senest på dagen for arrangementet.")})

    def closed_reason(self, now=None):
        """Why no one can register now, in Danish, or "" when registration is open."""
        now = now or timezone.now()
        if not self.is_open:
            return _("Tilmeldingen er lukket.")
        if now >= self.deadline:
            return _("Tilmeldingsfristen er overskredet, så tilmeldingen er lukket.")
        if not self.page.live:
            return _("Arrangementet er ikke offentliggjort.")
        return ""

    def accepts_registrations(self, now=None):
        return not self.closed_reason(now)

    def active_registrations(self):
        return self.registrations.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed_count(self):
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED).count()

    def waiting_count(self):
        return self.registrations.filter(status=RegistrationStatus.WAITING).count()

    def places_left(self):
        return max(self.capacity - self.confirmed_count(), 0)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("tilmeldt")
    WAITING = "waiting", _("på venteliste")
    CANCELLED = "cancelled", _("afmeldt")


class AttendeeRole(models.TextChoices):
    MEMBER = "member", _("fast medlem")
    COMPANION = "companion", _("ledsager")
    MEMBER_GUEST = "member_guest", _("deltager fra medlemskommune")
    GUEST = "guest", _("deltager")


class Registration(models.Model):
    """One person's registration for a meeting or the conference, confirmed or on the waiting list."""

    setup = models.ForeignKey(
        RegistrationSetup, verbose_name=_("arrangement"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("medlemskommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("deltager som"), max_length=20, choices=AttendeeRole.choices)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("tilmeldt"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status ændret"), default=timezone.now)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("municipality"),
        FieldPanel("role"),
        FieldPanel("status", read_only=True),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tilmeldt deltager")
        verbose_name_plural = _("tilmeldte deltagere")
        constraints = [
            models.UniqueConstraint(
                fields=["setup", "email"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email_and_event",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.setup})"

    @property
    def municipality_name(self):
        return self.municipality.name if self.municipality_id else ""

    @property
    def event_title(self):
        return self.setup.page.title

    @property
    def is_free(self):
        """Members come free to the conference (and every meeting is for members)."""
        return self.role != AttendeeRole.GUEST


class AlertKind(models.TextChoices):
    THEME = "theme", _("et tema")
    MUNICIPALITY = "municipality", _("en kommune")
    STRATEGIES = "strategies", _("alle nye strategier og handlingsplaner")
    CASES = "cases", _("alle nye cases og workshopresultater")


class Frequency(models.TextChoices):
    DAILY = "daily", _("dagligt")
    WEEKLY = "weekly", _("ugentligt")


FREQUENCY_INTERVAL = {
    # A little less than a day or a week, so a digest sent a few minutes late one day is not
    # skipped the next.
    Frequency.DAILY: datetime.timedelta(hours=23),
    Frequency.WEEKLY: datetime.timedelta(days=6, hours=23),
}


class Subscription(models.Model):
    """An e-mail alert: a digest of new items on a theme, from a municipality, or all strategies or cases."""

    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("abonnerer på"), max_length=20, choices=AlertKind.choices)
    theme = models.ForeignKey(
        "cms.Theme", verbose_name=_("tema"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    frequency = models.CharField(_("hyppighed"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    last_sent_at = models.DateTimeField(
        _("sidste udsendelse"), null=True, blank=True, help_text=_("Nyt efter dette tidspunkt kommer med i næste mail.")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    panels = [FieldPanel("email"), FieldPanel("frequency")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mailabonnement")
        verbose_name_plural = _("e-mailabonnementer")

    def __str__(self):
        return f"{self.email}: {self.subject_label}"

    @property
    def theme_name(self):
        return self.theme.name if self.theme_id else ""

    @property
    def municipality_name(self):
        return self.municipality.name if self.municipality_id else ""

    @property
    def subject_label(self):
        if self.kind == AlertKind.THEME and self.theme_id:
            return _("temaet %(theme)s") % {"theme": self.theme.name}
        if self.kind == AlertKind.MUNICIPALITY and self.municipality_id:
            return self.municipality.name
        return self.get_kind_display()

    def clean(self):
        super().clean()
        if self.kind == AlertKind.THEME and not self.theme_id:
            raise ValidationError({"theme": _("Vælg et tema.")})
        if self.kind == AlertKind.MUNICIPALITY and not self.municipality_id:
            raise ValidationError({"municipality": _("Vælg en kommune.")})
        if self.kind != AlertKind.THEME:
            self.theme = None
        if self.kind != AlertKind.MUNICIPALITY:
            self.municipality = None

    def is_due(self, now):
        since = self.last_sent_at or self.confirmed_at
        return self.confirmed_at is not None and now - since >= FREQUENCY_INTERVAL[self.frequency]
