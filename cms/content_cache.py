"""Values that every page shows and that change only when content does, kept in the cache between requests.

The menu, the site settings and the like cost a few queries on every page, yet change only when an
editor publishes. `cached(name, compute)` keeps such a value under a key that carries the site's
*content generation*; `new_generation()` starts a new one, so every value computed before is never
read again. `cms.frontend_cache.schedule_ban` starts one at the change and again after its transaction
commits, from the same signals that purge the page cache: a page published, unpublished, moved or
deleted, a privacy (view restriction) change, a snippet, setting or other site-wide model saved or
deleted. Any saved page (a draft, a page created live by code) starts one too.

Only what is the same for every anonymous visitor is kept (`shared_view(request)`): editors and
visitors with a session (a password they gave for a private page) are computed as before.

With Redis (production) the generation is shared by every worker. With the per-process memory cache
(no `REDIS_URL`) another worker sees a change when its copy expires (`TIMEOUT`); and while Redis does
not answer, nothing is kept and every value is computed (cms.cache).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.utils.translation import get_language

from wagtail.models import Page

GENERATION_KEY = "cms:content-generation"
TIMEOUT = 300
_MISSING = object()


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY) or "unshared"
    return value


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _page_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and not kwargs.get("raw"):
        new_generation()


def connect():
    """Any saved page starts a new generation too: a draft saved, a page created live by code (CmsConfig.ready).

    Publishing, unpublishing, moving, deleting and privacy changes come through cms.frontend_cache.
    """
    post_save.connect(_page_saved, dispatch_uid="cms.content_cache.page_saved")


def cached(name, compute, timeout=TIMEOUT):
    """`compute()`, or its value from an earlier request of the same content generation."""
    current = generation()
    if current == "unshared":  # the cache keeps nothing (Redis down): compute every time
        return compute()
    key = f"cms:{current}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cached_fragment(name, vary, build, timeout=TIMEOUT):
    """A costly part of a page (the map of Denmark), built once per content generation and per `vary`.

    `vary` lists what besides the content changes the value (the language, an address); the value must
    pickle. The key is a digest of `vary`, so it is short and safe for every cache backend. It expires
    like every value kept here, so without Redis another worker's copy is at most `TIMEOUT` old.
    """
    digest = hashlib.sha256(repr(tuple(vary)).encode()).hexdigest()[:32]
    return cached(f"fragment:{name}:{digest}", build, timeout)


def shared_view(request):
    """True for a GET of a public page by an anonymous visitor without a session: what every visitor sees."""
    return (
        request is not None
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(("/admin/", "/django-admin/"))
    )


KEPT_HEADERS = ("Content-Disposition", "Cache-Control", "Last-Modified", "X-Robots-Tag")


def cached_response(request, name, respond):
    """The response of `respond()`, kept for anonymous visitors until content changes.

    For documents that list the whole site and grow with it (the sitemap, the calendar of every
    meeting): they are built once per content generation, not per request. The key carries the host
    and scheme, which their absolute addresses are made of. Only a whole 200 response is kept.
    """
    current = generation()
    if not shared_view(request) or current == "unshared":
        return respond()
    key = f"cms:{current}:response:{request.scheme}:{request.get_host()}:{get_language()}:{name}"
    kept = cache.get(key)
    if kept is not None:
        content, content_type, headers = kept
        response = HttpResponse(content, content_type=content_type)
        for header, value in headers.items():
            response[header] = value
        return response
    response = respond()
    if response.status_code != 200 or getattr(response, "streaming", False):
        return response
    if hasattr(response, "render"):
        response.render()
    headers = {header: response[header] for header in KEPT_HEADERS if response.has_header(header)}
    cache.set(key, (response.content, response["Content-Type"], headers), TIMEOUT)
    return response
