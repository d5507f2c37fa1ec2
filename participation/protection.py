"""Protection of the public forms without cookies: origin check, signed form stamp, honeypot, rate limit.

Django's CSRF protection needs a cookie (or a session) on the page that shows the form, and the
site promises visitors who only read no cookies at all. The public forms are therefore exempt from
`CsrfViewMiddleware` and protected like this instead (docs/participation.md explains why it is safe):

- **Origin check**: a POST must carry an `Origin` header (or, failing that, a `Referer`) naming
  this site. Browsers add `Origin` to every cross-site POST and page scripts cannot forge it,
  so another site cannot make a visitor's browser submit the form. A POST with neither header
  is refused.
- **Signed form stamp**: each form carries a hidden value signed with `SECRET_KEY`: a random
  nonce and the time the form was shown. A stamp that is forged or older than
  `PARTICIPATION_FORM_MAX_AGE` is refused with a message (and the form keeps what was typed).
  The nonce is spent when the form is accepted, so a double submit does nothing twice.
- **Honeypot**: a field hidden from people; bots that fill it get a thank-you page and nothing
  is stored or sent.
- **Rate limit** per IP address and form in the cache (`PARTICIPATION_RATE_LIMIT`).

None of these needs a cookie, and the forms act on no login, so there is no session to ride.
"""

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
STAMP_FIELD = "form_stamp"


def form_max_age():
    return getattr(settings, "PARTICIPATION_FORM_MAX_AGE", 2 * 60 * 60)


def rate_limit():
    """(submissions, seconds) allowed per IP address and form."""
    return getattr(settings, "PARTICIPATION_RATE_LIMIT", (10, 60 * 60))


class GuardedForm(forms.Form):
    """A public form with the signed stamp and the honeypot; `form_name` keeps stamps apart per form."""

    form_name = "form"

    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields[STAMP_FIELD].initial = make_stamp(self.form_name)

    def refresh_stamp(self):
        """A new stamp for a form shown again (invalid, or its stamp expired): what was typed stays."""
        data = self.data.copy()
        data[STAMP_FIELD] = make_stamp(self.form_name)
        self.data = data

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def stamp_error(self):
        """Why the stamp is refused, in Danish, or "" when it is good."""
        try:
            self.nonce = signing.loads(
                self.data.get(STAMP_FIELD, ""), salt=f"participation.form.{self.form_name}", max_age=form_max_age()
            )
        except signing.SignatureExpired:
            return _("Formularen har været åben for længe. Tjek oplysningerne, og send den igen.")
        except signing.BadSignature:
            return _("Formularen kunne ikke genkendes. Tjek oplysningerne, og send den igen.")
        return ""

    def already_sent(self):
        """True when this form (this nonce) was accepted before: the visitor pressed twice."""
        return cache.get(f"participation:nonce:{self.nonce}") is not None

    def spend_stamp(self, result=""):
        """Remember the accepted nonce, with what the first submit led to (a URL to show again)."""
        cache.set(f"participation:nonce:{self.nonce}", result or "-", form_max_age())

    def first_result(self):
        value = cache.get(f"participation:nonce:{self.nonce}")
        return "" if value in (None, "-") else value


def make_stamp(form_name):
    return signing.dumps(secrets.token_urlsafe(12), salt=f"participation.form.{form_name}")


def same_origin(request):
    """True when the POST comes from a page on this site, by its Origin or else its Referer header."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    return url_has_allowed_host_and_scheme(
        source, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def client_ip(request):
    """The visitor's address as the app server sees it; behind a proxy, the proxy sets REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, form_name):
    """Count one submission; True when this address has sent the form too often in the window."""
    limit, window = rate_limit()
    key = f"participation:rate:{form_name}:{client_ip(request)}"
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, window)
        return False
    return count > limit
