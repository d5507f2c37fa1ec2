"""One log line per login, failed login and logout: user, address, time (never the password).

The lines go to the `security.auth` logger (time from the log handler). django-axes keeps the same
events in the database (AccessLog, AccessFailureLog), where administrators can read them.
"""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .network import client_ip

logger = logging.getLogger("security.auth")


def _ip(request):
    return client_ip(request) if request is not None else "-"


@receiver(user_logged_in, dispatch_uid="security_audit_login")
def log_login(sender, request, user, **kwargs):
    logger.info("Login user=%s ip=%s path=%s", user.get_username(), _ip(request), getattr(request, "path", "-"))


@receiver(user_logged_out, dispatch_uid="security_audit_logout")
def log_logout(sender, request, user, **kwargs):
    name = user.get_username() if user is not None else "-"
    logger.info("Logout user=%s ip=%s", name, _ip(request))


@receiver(user_login_failed, dispatch_uid="security_audit_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the user name is written.
    username = credentials.get("username", "-")
    logger.warning("Login failed user=%s ip=%s path=%s", username, _ip(request), getattr(request, "path", "-"))
