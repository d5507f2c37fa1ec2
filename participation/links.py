"""Personal links in e-mails: the record's random token, signed, so a forged or altered link is refused.

Signing adds the time the link was made, so a link can expire: confirmation links after
`PARTICIPATION_CONFIRM_MAX_AGE`, registration links after `PARTICIPATION_LINK_MAX_AGE`.
Unsubscribe links never expire (an old e-mail must still let the reader leave).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

REGISTRATION_SALT = "participation.registration"
CONFIRM_SALT = "participation.subscription.confirm"
UNSUBSCRIBE_SALT = "participation.subscription.unsubscribe"


def confirm_max_age():
    return getattr(settings, "PARTICIPATION_CONFIRM_MAX_AGE", 7 * 24 * 60 * 60)


def registration_link_max_age():
    return getattr(settings, "PARTICIPATION_LINK_MAX_AGE", 400 * 24 * 60 * 60)


def sign(token, salt):
    return signing.dumps(token, salt=salt, compress=False)


def unsign(value, salt, max_age=None):
    """The token in a signed link; raises signing.SignatureExpired or signing.BadSignature."""
    return signing.loads(value, salt=salt, max_age=max_age)


def _danish(name, value):
    with translation.override("da"):
        return reverse(name, kwargs={"signed": value})


def registration_url(registration):
    return _danish("participation:registration", sign(registration.token, REGISTRATION_SALT))


def confirm_url(subscription):
    return _danish("participation:confirm", sign(subscription.token, CONFIRM_SALT))


def unsubscribe_url(subscription):
    return _danish("participation:unsubscribe", sign(subscription.token, UNSUBSCRIBE_SALT))
