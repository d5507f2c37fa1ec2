"""The public forms and personal links: membership, event registration and e-mail alerts.

Every view here is exempt from Django's cookie-based CSRF check and protected by
`protection` instead (origin check, signed stamp, honeypot, rate limit), so a visitor who only
looks at a form gets no cookie. Every response says `Cache-Control: private, no-store` (Django's
`never_cache` adds both), so no page cache keeps a form or a personal page.
"""

import functools

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.models import Municipality, Theme

from . import emails, links, membership, registration
from .forms import MembershipForm, RegistrationForm, SubscriptionForm
from .models import (
    AlertKind,
    MembershipApplication,
    MembershipStatus,
    Registration,
    RegistrationSetup,
    RegistrationStatus,
    Subscription,
)
from .protection import rate_limited, same_origin
from .retention import retention


def public_form(view):
    """No CSRF cookie, never cached, GET/HEAD/POST only."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return csrf_exempt(never_cache(require_http_methods(["GET", "HEAD", "POST"])(wrapper)))


class Refused(Exception):
    """A submission that cannot be accepted; the message is shown above the form, which keeps its data."""


def guarded_submit(request, form, on_valid, render_form):
    """Run the protections, then `on_valid(form)` which returns a URL to redirect to.

    Any refusal renders the form again with what the visitor typed and a message in Danish.
    """
    if not same_origin(request):
        return render_form(_("Formularen skal sendes fra denne side. Prøv igen herfra."), status=403, refresh=True)
    if rate_limited(request, form.form_name):
        return render_form(
            _("Der er sendt mange formularer fra din forbindelse på kort tid. Vent lidt, og prøv igen."),
            status=429,
        )
    if form.is_spam:
        # Looks like a bot filled in the hidden field: answer as if all went well, store nothing.
        return render(request, "participation/spam.html", status=200)
    stamp_error = form.stamp_error()
    if stamp_error:
        return render_form(stamp_error, status=400, refresh=True)
    if form.already_sent():
        first = form.first_result()
        if first:
            return redirect(first)
        return render_form(_("Formularen er allerede sendt. Du behøver ikke sende den igen."), status=409)
    if not form.is_valid():
        return render_form(_("Ret venligst det markerede, og send formularen igen."), status=200)
    try:
        url = on_valid(form)
    except Refused as refusal:
        return render_form(str(refusal), status=409)
    form.spend_stamp(url)
    return redirect(url)


def form_page(request, template, context, notice="", status=200):
    context = {**context, "notice": notice, "meta_description": context.get("intro", "")}
    return render(request, template, context, status=status)


# Membership


@public_form
def membership_signup(request):
    form = MembershipForm(request.POST or None)
    context = {
        "form": form,
        "municipalities": Municipality.objects.order_by("short_name").values_list("name", flat=True),
        "meta_title": _("Tilmeld kommunen til netværket"),
    }

    def render_form(notice, status=200, refresh=False):
        if refresh:
            form.refresh_stamp()
        return form_page(request, "participation/membership_form.html", context, notice, status)

    if request.method != "POST":
        return render_form("")

    def on_valid(form):
        data = form.cleaned_data
        municipality, year = data["municipality"], data["year"]
        existing = MembershipApplication.objects.filter(municipality=municipality, year=year).exclude(
            status=MembershipStatus.REJECTED
        )
        duplicate = _(
            "%(municipality)s er allerede tilmeldt netværket for %(year)s (tilmeldingen kom %(date)s). "
            "Skal noget rettes, så skriv til KL – en ny tilmelding er ikke nødvendig."
        )
        first = existing.first()
        if first is not None:
            form.add_error("municipality", _("Kommunen er allerede tilmeldt for dette år."))
            raise Refused(
                duplicate
                % {"municipality": municipality.name, "year": year, "date": date_format(first.created_at, "j. F Y")}
            )
        try:
            with transaction.atomic():
                application = MembershipApplication.objects.create(
                    municipality=municipality,
                    year=year,
                    name=data["name"],
                    job_title=data["job_title"],
                    email=data["email"],
                    phone=data["phone"],
                    ean=data["ean"],
                    order_reference=data["order_reference"],
                    terms_accepted_at=timezone.now(),
                )
        except IntegrityError as error:
            raise Refused(
                duplicate % {"municipality": municipality.name, "year": year, "date": _("netop nu")}
            ) from error
        emails.membership_received(application)
        return reverse("participation:membership_thanks")

    return guarded_submit(request, form, on_valid, render_form)


@never_cache
def membership_thanks(request):
    return render(request, "participation/membership_thanks.html", {"meta_title": _("Tak for tilmeldingen")})


# Meetings and the conference


def open_setup(page_id):
    setup = get_object_or_404(RegistrationSetup.objects.select_related("page"), page_id=page_id)
    if not setup.page.live or setup.page.get_view_restrictions().exists():
        raise Http404
    return setup


@public_form
def event_registration(request, page_id):
    setup = open_setup(page_id)
    event = setup.event
    members = membership.member_municipality_ids(year=event.date.year)
    form = RegistrationForm(request.POST or None, setup=setup, members=members)
    closed = setup.closed_reason()
    context = {
        "form": form,
        "setup": setup,
        "event": event,
        "closed": closed,
        "places_left": setup.places_left(),
        "retention_days": retention()["registrations_days_after_event"],
        "meta_title": _("Tilmelding: %(event)s") % {"event": event.title},
    }

    def render_form(notice, status=200, refresh=False):
        if refresh:
            form.refresh_stamp()
        context["places_left"] = setup.places_left()
        return form_page(request, "participation/registration_form.html", context, notice, status)

    if request.method != "POST":
        return render_form("")
    if closed:
        return render_form(closed, status=409)

    def on_valid(form):
        data = form.cleaned_data
        try:
            created = registration.register(
                setup,
                name=data["name"],
                email=data["email"],
                role=data["role"],
                municipality=data.get("municipality"),
                organisation=data.get("organisation", ""),
            )
        except registration.RegistrationRefused as refusal:
            registration.resend_link(setup, data["email"])
            raise Refused(str(refusal)) from refusal
        return links.registration_url(created) + "?ny=1"

    return guarded_submit(request, form, on_valid, render_form)


def _registration_from_link(signed):
    """The registration a personal link points to, or (None, message) when the link does not hold."""
    try:
        token = links.unsign(signed, links.REGISTRATION_SALT, max_age=links.registration_link_max_age())
    except signing.SignatureExpired:
        return None, _("Linket er udløbet. Skriv til KL, hvis du vil ændre din tilmelding.")
    except signing.BadSignature:
        return None, _("Linket er ikke gyldigt. Brug linket fra din bekræftelsesmail, præcis som det står der.")
    found = Registration.objects.select_related("setup__page", "municipality").filter(token=token).first()
    if found is None:
        return None, _("Vi har ikke længere nogen tilmelding til dette link. Den kan være slettet efter arrangementet.")
    return found, ""


@public_form
def registration_detail(request, signed):
    found, problem = _registration_from_link(signed)
    if found is None:
        return render(request, "participation/link_problem.html", {"problem": problem}, status=404)
    event = found.setup.event
    notice = ""
    status = 200
    can_cancel = found.status != RegistrationStatus.CANCELLED and event.is_upcoming()
    if request.method == "POST":
        if not same_origin(request):
            notice, status = _("Afmeldingen skal sendes fra denne side. Prøv igen herfra."), 403
        elif not event.is_upcoming():
            notice, status = _("Arrangementet er afholdt, så tilmeldingen kan ikke længere ændres."), 409
        elif found.status == RegistrationStatus.CANCELLED:
            notice = _("Du er allerede afmeldt.")
        else:
            found, _moved = registration.cancel(found)
            notice = _("Du er nu afmeldt. Tak, fordi du gav besked – pladsen går videre til den næste på ventelisten.")
            can_cancel = False
    elif request.GET.get("ny"):
        notice = (
            _("Du er tilmeldt. Vi har sendt en bekræftelse med en kalenderfil til %(email)s.")
            if found.status == RegistrationStatus.CONFIRMED
            else _("Alle pladser er optaget, så du er på ventelisten. Vi skriver til %(email)s, hvis du får en plads.")
        ) % {"email": found.email}
    context = {
        "registration": found,
        "event": event,
        "notice": notice,
        "can_cancel": can_cancel,
        "waiting_position": _waiting_position(found),
        "meta_title": _("Din tilmelding: %(event)s") % {"event": event.title},
    }
    return render(request, "participation/registration_detail.html", context, status=status)


def _waiting_position(found):
    if found.status != RegistrationStatus.WAITING:
        return None
    ahead = found.setup.registrations.filter(status=RegistrationStatus.WAITING, created_at__lt=found.created_at)
    return ahead.count() + 1


# Alerts


@public_form
def subscribe(request):
    initial = {}
    theme = Theme.objects.filter(slug=request.GET.get("tema", "")).first()
    municipality = Municipality.objects.filter(slug=request.GET.get("kommune", "")).first()
    if theme:
        initial = {"kind": AlertKind.THEME, "theme": theme.slug}
    elif municipality:
        initial = {"kind": AlertKind.MUNICIPALITY, "municipality": municipality.name}
    elif request.GET.get("om") in (AlertKind.STRATEGIES, AlertKind.CASES):
        initial = {"kind": request.GET["om"]}
    form = SubscriptionForm(request.POST or None, initial=initial)
    context = {
        "form": form,
        "municipalities": Municipality.objects.order_by("short_name").values_list("name", flat=True),
        "confirm_days": links.confirm_max_age() // 86400,
        "meta_title": _("Få besked om nyt på e-mail"),
    }

    def render_form(notice, status=200, refresh=False):
        if refresh:
            form.refresh_stamp()
        return form_page(request, "participation/subscription_form.html", context, notice, status)

    if request.method != "POST":
        return render_form("")

    def on_valid(form):
        data = form.cleaned_data
        kind = data["kind"]
        lookup = {
            "email__iexact": data["email"],
            "kind": kind,
            "theme": data["theme"] if kind == AlertKind.THEME else None,
            "municipality": data["municipality"] if kind == AlertKind.MUNICIPALITY else None,
        }
        subscription = Subscription.objects.filter(**lookup).first()
        if subscription is None:
            subscription = Subscription.objects.create(
                email=data["email"],
                kind=kind,
                theme=lookup["theme"],
                municipality=lookup["municipality"],
                frequency=data["frequency"],
            )
        elif subscription.frequency != data["frequency"] and subscription.confirmed_at is None:
            subscription.frequency = data["frequency"]
            subscription.save(update_fields=["frequency"])
        if subscription.confirmed_at is None:
            emails.subscription_confirm(subscription)
        # The same page whether or not the address already follows this: the form does not tell
        # strangers who subscribes to what. A confirmed subscriber gets no new e-mail.
        return reverse("participation:subscribe_sent")

    return guarded_submit(request, form, on_valid, render_form)


@never_cache
def subscribe_sent(request):
    context = {"confirm_days": links.confirm_max_age() // 86400, "meta_title": _("Tjek din e-mail")}
    return render(request, "participation/subscription_sent.html", context)


def _subscription_from_link(signed, salt, max_age=None):
    try:
        token = links.unsign(signed, salt, max_age=max_age)
    except signing.SignatureExpired:
        return None, _("Linket er udløbet: det gælder i %(days)s dage. Tilmeld dig igen, så sender vi et nyt.") % {
            "days": links.confirm_max_age() // 86400
        }
    except signing.BadSignature:
        return None, _("Linket er ikke gyldigt. Brug linket fra e-mailen, præcis som det står der.")
    found = Subscription.objects.select_related("theme", "municipality").filter(token=token).first()
    if found is None:
        return None, _("Abonnementet findes ikke længere. Måske er det allerede afmeldt.")
    return found, ""


@public_form
def confirm_subscription(request, signed):
    found, problem = _subscription_from_link(signed, links.CONFIRM_SALT, links.confirm_max_age())
    if found is None:
        return render(
            request, "participation/link_problem.html", {"problem": problem, "offer_subscribe": True}, status=404
        )
    notice = ""
    status = 200
    if request.method == "POST":
        if not same_origin(request):
            notice, status = _("Bekræftelsen skal sendes fra denne side. Prøv igen herfra."), 403
        elif found.confirmed_at is None:
            now = timezone.now()
            Subscription.objects.filter(pk=found.pk).update(confirmed_at=now, last_sent_at=now)
            found.confirmed_at = now
    context = {
        "subscription": found,
        "notice": notice,
        "unsubscribe_url": links.unsubscribe_url(found),
        "meta_title": _("Bekræft abonnement"),
    }
    return render(request, "participation/subscription_confirm.html", context, status=status)


@public_form
def unsubscribe(request, signed):
    """GET shows one button; POST unsubscribes at once (also the RFC 8058 one-click POST from a mail program)."""
    found, problem = _subscription_from_link(signed, links.UNSUBSCRIBE_SALT)
    if found is None:
        return render(request, "participation/link_problem.html", {"problem": problem}, status=404)
    if request.method == "POST":
        # No origin check: the mail program's one-click POST has none, and the signed link is the proof.
        found.delete()
        return render(request, "participation/unsubscribed.html", {"meta_title": _("Du er afmeldt")})
    return render(
        request,
        "participation/unsubscribe.html",
        {"subscription": found, "meta_title": _("Afmeld e-mails")},
    )
