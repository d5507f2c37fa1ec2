"""Site-wide views that are not pages: health check, robots.txt, /favicon.ico and error pages."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from cms import content_cache

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 503 when the database does not answer; 200 otherwise.

    The cache is reported too: "degraded" (still 200) when Redis does not answer, because the
    site keeps serving without it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable", "cache": cache_status()}, status=503)
    cache_state = cache_status()
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


def cache_status():
    """ "ok", or "unavailable" when the shared cache (Redis) does not answer."""
    ping = getattr(cache, "ping", None)
    if ping is None:  # a cache in the process's own memory is always there
        return "ok"
    return "ok" if ping() else "unavailable"


@require_GET
@cache_control(max_age=60 * 60)
def robots_txt(request):
    """Tell crawlers where the sitemap is and keep them out of the admin and search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /soeg/",
        "Disallow: /en/soeg/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def favicon(request):
    """Browsers, feed readers and crawlers ask for /favicon.ico whatever the page links; send them the site's icon.

    The pages link `cms/img/favicon.svg` and its PNG drawing; those asking for /favicon.ico are mostly clients
    that read no SVG, so they get the 32 px PNG (tools/make_icons.py draws it from the SVG). A temporary
    redirect to its static address (hashed in production) and the day's cache let a changed icon reach them.
    """
    return HttpResponseRedirect(static("cms/img/favicon-32.png"))


def page_not_found(request, exception=None):
    """The Danish (or English, under /en/) 404 page."""
    return render(request, "404.html", status=404)


def server_error(request):
    """A self-contained error page, rendered without request context so no database is needed.

    When the error is the database being unreachable (from a view or any middleware) the answer
    is 503 with Retry-After: the site is down for a while, not broken, and the page cache in front
    keeps serving what it has. Django's connection health checks reconnect by themselves once
    the database is back. The page's inline style carries the request's CSP nonce (django-csp).
    """
    nonce = getattr(request, "csp_nonce", None)  # django-csp's lazy nonce: falsy until read
    context = {"csp_nonce": str(nonce) if nonce is not None else ""}
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def sitemap(request):
    """Wagtail's sitemap of every live, public page, built once per content change (cms.content_cache)."""
    return content_cache.cached_response(request, "sitemap", lambda: wagtail_sitemap(request))
