"""The e-mails the participation app sends, always in Danish, through Django's configured backend."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy

from cases.calendar import build_calendar, filename_for
from cms.permissions import KL_EDITORS_GROUP

from . import links


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def kl_editor_addresses():
    """Where notices to KL editors go: PARTICIPATION_NOTIFY_EMAILS, else the KL editors' own addresses."""
    configured = getattr(settings, "PARTICIPATION_NOTIFY_EMAILS", None)
    if configured:
        return list(configured)
    users = get_user_model().objects.filter(is_active=True, groups__name=KL_EDITORS_GROUP).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send(template, context, to, *, subject, attachments=(), headers=None):
    with translation.override("da"):
        body = render_to_string(f"participation/emails/{template}.txt", context)
        message = EmailMessage(
            subject=str(subject).replace("\n", " "),
            body=body,
            to=to,
            headers=headers or {},
        )
        for attachment in attachments:
            message.attach(*attachment)
        message.send()
    return message


# Membership


def membership_received(application):
    context = {"application": application}
    send(
        "membership_received",
        context,
        [application.email],
        subject=format_lazy("Tilmelding modtaget: {} i netværket for grønne partnerskaber", application.municipality),
    )
    editors = kl_editor_addresses()
    if editors:
        context["admin_url"] = absolute(
            reverse("wagtailsnippets_participation_membershipapplication:edit", args=[application.pk])
        )
        send(
            "membership_notice",
            context,
            editors,
            subject=format_lazy("Ny medlemstilmelding: {} ({})", application.municipality, application.year),
        )


def membership_approved(application):
    send(
        "membership_approved",
        {"application": application},
        [application.email],
        subject=format_lazy("{} er medlem af netværket i {}", application.municipality, application.year),
    )


# Event registration


def event_ics(registration):
    """The event as an .ics attachment, the same file the page's calendar link gives."""
    event = registration.setup.event
    body = build_calendar([event], None, event.title)
    return (filename_for(event), body, "text/calendar; charset=utf-8; method=PUBLISH")


def registration_status(registration, *, moved_up=False):
    """Confirmation (or waiting list, or moved up from it) with the event's .ics and the personal link."""
    setup = registration.setup
    context = {
        "registration": registration,
        "event": setup.event,
        "event_url": setup.event.get_full_url(),
        "manage_url": absolute(links.registration_url(registration)),
        "moved_up": moved_up,
    }
    if moved_up:
        subject = format_lazy("Du har fået en plads: {}", setup.event.title)
    elif registration.status == "waiting":
        subject = format_lazy("Du er på venteliste: {}", setup.event.title)
    else:
        subject = format_lazy("Tilmelding bekræftet: {}", setup.event.title)
    attachments = [event_ics(registration)] if registration.status == "confirmed" else []
    send("registration_status", context, [registration.email], subject=subject, attachments=attachments)


def registration_cancelled(registration):
    send(
        "registration_cancelled",
        {"registration": registration, "event": registration.setup.event},
        [registration.email],
        subject=format_lazy("Afmelding modtaget: {}", registration.setup.event.title),
    )


# Alerts


def unsubscribe_headers(subscription):
    """RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{absolute(links.unsubscribe_url(subscription))}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subscription_confirm(subscription):
    send(
        "subscription_confirm",
        {
            "subscription": subscription,
            "confirm_url": absolute(links.confirm_url(subscription)),
            "unsubscribe_url": absolute(links.unsubscribe_url(subscription)),
            "max_age_days": links.confirm_max_age() // 86400,
        },
        [subscription.email],
        subject=format_lazy("Bekræft dit abonnement på {}", subscription.subject_label),
        headers=unsubscribe_headers(subscription),
    )


def digest(subscription, items):
    send(
        "digest",
        {
            "subscription": subscription,
            "items": items,
            "unsubscribe_url": absolute(links.unsubscribe_url(subscription)),
        },
        [subscription.email],
        subject=format_lazy("Nyt om {} fra Grønne partnerskaber", subscription.subject_label),
        headers=unsubscribe_headers(subscription),
    )
