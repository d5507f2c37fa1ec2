"""What meetings and the conference share: a date, a time span and a place."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.formatting import join_lines
from cms.models import SiteSettings
from search.documents import html_text, stream_text

from .searching import programme_speakers


def today():
    """Today's date in Europe/Copenhagen: what "upcoming" and "past" are measured from."""
    return timezone.localdate()


def local_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class EventMixin(models.Model):
    """Date, start and end time and venue of a meeting or the conference, with their rules."""

    date = models.DateField(_("dato"))
    start_time = models.TimeField(
        _("starttidspunkt"),
        null=True,
        blank=True,
        help_text=_("Dansk tid. Tomt: tidspunktet er ikke fastlagt, og kalenderen viser en heldagsbegivenhed."),
    )
    end_time = models.TimeField(_("sluttidspunkt"), null=True, blank=True)
    venue_name = models.CharField(
        _("mødested"), max_length=200, blank=True, help_text=_("Fx KL-huset. Tomt: stedet er ikke fastlagt endnu.")
    )
    venue_address = models.TextField(_("adresse"), max_length=300, blank=True)
    city = models.CharField(_("by eller egn"), max_length=100, help_text=_("Fx København, Aarhus eller Fyn."))

    event_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
            ],
            heading=_("Tid"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("city")],
            heading=_("Sted"),
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Angiv et starttidspunkt, når der er et sluttidspunkt.")})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Sluttidspunktet skal ligge efter starttidspunktet.")})

    @property
    def starts_at(self):
        """The start as an aware datetime in Danish time, or None when only the date is known."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=local_zone())

    @property
    def ends_at(self):
        if self.end_time is None:
            return None
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=local_zone())

    def is_upcoming(self, on=None):
        """True from now until the end of the day it takes place (Danish time)."""
        return self.date >= (on or today())

    @property
    def programme_has_times(self):
        """True when some programme item has a time, so the page need not say the time is unknown."""
        return any(getattr(block.value, "get", lambda _key: None)("time") for block in self.programme)

    def event_text(self, *streams):
        """Plain text for search: the place, the StreamFields' text, the speakers and the practical info."""
        speakers = ", ".join(person.name for person in programme_speakers(self.programme))
        parts = [self.location_text, *(stream_text(stream) for stream in streams), speakers]
        parts.append(html_text(self.practical_info))
        return "\n".join(part for part in parts if part)

    def structured_data(self, request):
        """schema.org Event for search engines and calendars that read JSON-LD."""
        starts = self.starts_at.isoformat() if self.starts_at else self.date.isoformat()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": starts,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": "da",
            "url": self.get_full_url(request),
            "organizer": {
                "@type": "Organization",
                "name": SiteSettings.for_request(request).organisation_name,
                "url": request.build_absolute_uri("/"),
            },
            "location": {
                "@type": "Place",
                "name": self.venue_name or self.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": join_lines(self.venue_address),
                    "addressLocality": self.city,
                    "addressCountry": "DK",
                },
            },
        }
        if self.ends_at:
            data["endDate"] = self.ends_at.isoformat()
        if getattr(self, "summary", ""):
            data["description"] = self.summary
        return data

    @property
    def location_text(self):
        """Venue, address and city on one line, without repeats or empty parts."""
        parts = [self.venue_name, join_lines(self.venue_address), self.city]
        seen, result = set(), []
        for part in parts:
            part = (part or "").strip()
            if part and part.lower() not in seen and not any(part.lower() in other.lower() for other in result):
                seen.add(part.lower())
                result.append(part)
        return ", ".join(result)
