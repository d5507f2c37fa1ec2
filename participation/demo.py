"""Demo content for taking part: registration opened on the conference and the next upcoming meeting.

The capacities and deadlines are invented for the demonstration. KL editors get their rights on
the sign-up, registration and alert records.
"""

import datetime

from django.utils import timezone

from cases.models import ConferencePage, MeetingPage
from cases.models.events import local_zone

from .models import Audience, RegistrationSetup
from .permissions import grant_kl_editors


def deadline_before(event, days, hour=12):
    day = event.date - datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=local_zone())


def open_registration(report, page, *, audience, capacity, deadline):
    setup, created = RegistrationSetup.objects.get_or_create(
        page=page, defaults={"audience": audience, "capacity": capacity, "deadline": deadline}
    )
    if created:
        report.created += 1
        report.detail(f"tilmelding åbnet: {page.title} ({capacity} pladser, frist {deadline:%d.%m.%Y %H.%M})")
    return setup


def load(report):
    report.step("Deltagelse: tilmelding til konference og møde")
    grant_kl_editors()
    today = timezone.localdate()
    conference = ConferencePage.objects.live().filter(slug="konference").first()
    if conference is not None:
        open_registration(
            report, conference, audience=Audience.PUBLIC, capacity=150, deadline=deadline_before(conference, 1)
        )
    meeting = MeetingPage.objects.live().filter(date__gte=today).order_by("date").first()
    if meeting is not None:
        open_registration(
            report, meeting, audience=Audience.MEMBERS, capacity=40, deadline=deadline_before(meeting, 14)
        )
