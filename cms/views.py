"""Site-wide views that are not pages: health check, robots.txt, /favicon.ico and error pages."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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

    The pages link `cms/img/favicon.svg`; a temporary redirect to its static address (hashed in production)
    keeps one icon file, and the day's cache lets a changed icon reach browsers.
    """
    return HttpResponseRedirect(static("cms/img/favicon.svg"))


def page_not_found(request, exception=None):
    """The Danish (or English, under /en/) 404 page."""
    return render(request, "404.html", status=404)


def server_error(request):
    """A self-contained 500 page: rendered without request context, so no database is needed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
