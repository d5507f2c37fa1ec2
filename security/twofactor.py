"""The second factor: TOTP from an authenticator app, with single-use recovery codes (django-otp).

Required for superusers and the groups in OTP_REQUIRED_GROUPS (the KL editors); offered to every other
editor, and required of them too once they have set it up.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import segno
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .network import client_ip

logger = logging.getLogger("security.auth")

TOTP_DEVICE_NAME = "Godkendelsesapp"
RECOVERY_DEVICE_NAME = "Gendannelseskoder"


def second_factor_required(user):
    """Superusers and KL editors must use a second factor."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.OTP_REQUIRED_GROUPS).exists()


def needs_verification(request):
    """True while a logged-in user owes a second factor in this session."""
    user = request.user
    if not settings.OTP_ENFORCED or not user.is_authenticated or user.is_verified():
        return False
    return second_factor_required(user) or user_has_device(user)


def verification_url(user):
    name = "security:twofactor_verify" if user_has_device(user) else "security:twofactor_setup"
    return reverse(name)


def _next_url(request, default="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


class CodeForm(forms.Form):
    """Six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=gettext_lazy("Kode"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def make_recovery_codes(user):
    """A new set of single-use recovery codes; earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.OTP_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def qr_svg(device):
    """The otpauth:// address as an inline SVG QR code (no image request, no third party)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=3, dark="#000", light="#fff")


def _spaced(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Set up the authenticator app: scan the QR code (or type the key), confirm with a code."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if confirmed and not user.is_verified():
        return redirect(f"{reverse('security:twofactor_verify')}?next={reverse('security:twofactor_setup')}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None and not confirmed:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "recovery-codes" and confirmed:
        codes = make_recovery_codes(user)
        logger.info("2FA recovery codes renewed user=%s ip=%s", user.get_username(), client_ip(request))
        return TemplateResponse(request, "security/twofactor_codes.html", {"codes": codes, "next": _next_url(request)})
    if request.method == "POST" and device is not None and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = make_recovery_codes(user)
            otp_login(request, device)
            logger.info("2FA set up user=%s ip=%s", user.get_username(), client_ip(request))
            return TemplateResponse(
                request, "security/twofactor_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("code", _("Koden passer ikke. Tjek, at telefonens ur går rigtigt, og prøv med den nye kode."))
        logger.warning("2FA setup code wrong user=%s ip=%s", user.get_username(), client_ip(request))
    context = {
        "form": form,
        "confirmed": confirmed,
        "required": second_factor_required(user),
        "next": request.GET.get("next", ""),
    }
    if device is not None and not confirmed:
        secret = device.config_url.split("secret=")[1].split("&")[0]
        context.update({"qr_svg": qr_svg(device), "secret": _spaced(secret)})
    if confirmed:
        static = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()
        context["recovery_left"] = static.token_set.count() if static else 0
    return TemplateResponse(request, "security/twofactor_setup.html", context)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Enter the code from the app (or a recovery code) after the password."""
    user = request.user
    if not user_has_device(user):
        return redirect(reverse("security:twofactor_setup"))
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            logger.info(
                "2FA ok user=%s ip=%s device=%s", user.get_username(), client_ip(request), type(device).__name__
            )
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("Du har brugt en gendannelseskode. Der er %(count)s tilbage.")
                    % {"count": device.token_set.count()},
                )
            return redirect(_next_url(request))
        form.add_error("code", _("Koden passer ikke, eller der er prøvet for mange gange. Vent lidt, og prøv igen."))
        logger.warning("2FA failed user=%s ip=%s", user.get_username(), client_ip(request))
    return TemplateResponse(
        request, "security/twofactor_verify.html", {"form": form, "next": request.GET.get("next", "")}
    )
