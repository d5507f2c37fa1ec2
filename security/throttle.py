"""Login throttling: django-axes' lockout page, and a limit on page password forms.

django-axes throttles every login that goes through django.contrib.auth (the Wagtail admin,
/django-admin/ and the front-end login). A page's password form (`/_util/authenticate_with_password/…`)
checks a page password, not a user, so axes does not see it: here failures are counted per address
and page in the cache, and the form is refused for a while after PAGE_PASSWORD_FAILURE_LIMIT of them.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from wagtail import views as wagtail_views

from .network import client_ip

logger = logging.getLogger("security.auth")


def lockout_response(request, response=None, credentials=None):
    """axes' AXES_LOCKOUT_CALLABLE: the Danish lockout page, 429."""
    minutes = int(round(settings.AXES_COOLOFF_TIME * 60))
    context = {"minutes": minutes}
    return TemplateResponse(request, "security/lockout.html", context, status=429).render()


def _key(request, page_id):
    digest = hashlib.sha256(f"{client_ip(request)}|{page_id}".encode()).hexdigest()[:32]
    return f"security:page-password:{digest}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password view, refused for a while after too many wrong passwords."""
    key = _key(request, page_id)
    failures = cache.get(key, 0)
    if failures >= settings.PAGE_PASSWORD_FAILURE_LIMIT:
        if request.method == "POST":
            logger.warning("Page password locked out ip=%s page=%s", client_ip(request), page_id)
        minutes = settings.PAGE_PASSWORD_COOLOFF_SECONDS // 60
        context = {"minutes": minutes, "page_password": True}
        return TemplateResponse(request, "security/lockout.html", context, status=429)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST":
        if response.status_code == 200:
            # The form came back: the password was wrong.
            try:
                failures = cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.PAGE_PASSWORD_COOLOFF_SECONDS)
                failures = 1
            else:
                cache.touch(key, settings.PAGE_PASSWORD_COOLOFF_SECONDS)
            logger.warning("Page password failed ip=%s page=%s failures=%s", client_ip(request), page_id, failures)
        elif response.status_code in (301, 302):
            cache.delete(key)
            logger.info("Page password accepted ip=%s page=%s", client_ip(request), page_id)
    return response
