"""iCalendar (RFC 5545) files for meetings and the conference.

Times are written in Danish local time with TZID=Europe/Copenhagen and a VTIMEZONE that
describes it, so calendar programs show the right hour on both sides of daylight saving time.
A meeting without a start time becomes an all-day event. Each event's UID is made from the
page id and a fixed name space (not the request's host name), so it stays the same when the
title, date or slug changes, or when the site is reached under a second host name, and a
subscribed calendar updates the event instead of adding a new one. SEQUENCE is the id of the
published revision, which grows with every publication, so calendars take a changed time as newer.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

import icalendar

from search.documents import html_text

PRODUCT_ID = "-//KL//Grønne partnerskaber//DA"


# The UIDs' name space. Never change it: subscribers' calendars know the events by these UIDs.
UID_DOMAIN = "groenne-partnerskaber.kl.dk"


def event_uid(page):
    kind = "conference" if page.specific_class.__name__ == "ConferencePage" else "meeting"
    return f"{kind}-{page.pk}@{UID_DOMAIN}"


def event_sequence(page):
    """A number that grows with every publication of the page (RFC 5545 SEQUENCE): its live revision's id."""
    return page.live_revision_id or 0


def _description(page, url):
    lines = []
    if page.intro:
        lines.append(page.intro)
    programme = [block.value for block in getattr(page, "programme", [])]
    if programme:
        lines.append("")
        lines.append("Program:")
        for item in programme:
            time = item.get("time")
            lines.append(f"{time:%H.%M} {item.get('title', '')}" if time else f"– {item.get('title', '')}")
    practical = html_text(getattr(page, "practical_info", "") or "")
    if practical:
        lines.extend(["", practical])
    lines.extend(["", url])
    return "\n".join(lines).strip()


def build_event(page, request):
    """One VEVENT for a meeting or conference page."""
    url = page.get_full_url(request)
    event = icalendar.Event()
    event.add("uid", event_uid(page))
    event.add("sequence", event_sequence(page))
    stamp = page.last_published_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("last-modified", stamp.astimezone(datetime.UTC))
    if page.starts_at is not None:
        event.add("dtstart", page.starts_at)
        if page.ends_at is not None:
            event.add("dtend", page.ends_at)
    else:
        event.add("dtstart", page.date)
        event.add("dtend", page.date + datetime.timedelta(days=1))
    event.add("summary", page.title)
    if page.location_text:
        event.add("location", page.location_text)
    event.add("url", url)
    event.add("description", _description(page, url))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def build_calendar(pages, request, name):
    """A VCALENDAR with one event per page and the time zone they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("x-published-ttl", "PT6H")
    for page in pages:
        calendar.add_component(build_event(page, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def filename_for(page):
    return f"{slugify(page.slug) or 'kalender'}.ics"
