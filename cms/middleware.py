"""What the page cache in front of the site may keep: the `Cache-Control` of every response.

The page cache (Varnish, see deploy/) and browsers decide from this header alone, so the rules
live in one place:

- Anonymous GET/HEAD responses with status 200, 301, 404 or 410 and no cookie are public:
  browsers keep them `PAGE_CACHE_BROWSER_SECONDS`, the shared cache `PAGE_CACHE_SECONDS`
  (`s-maxage`); a publish purges the shared cache (cms.frontend_cache), browsers just expire.
- The public search (`/soeg/`) is cached only `SEARCH_CACHE_SECONDS`.
- Never cached (`private, no-cache, no-store`): anything for a visitor with a session (editors,
  visitors who unlocked a password-protected page), any response that sets a cookie (forms,
  password prompts, the language switch), the admin, previews, redirects to the login page
  (restricted pages), pages that ask for it (`request.page_cache_forbidden`, set for form
  pages by the `before_serve_page` hook below), and errors.
- A view that sets its own `Cache-Control` (calendars, robots.txt) keeps it.
"""

import re

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail import hooks

CACHEABLE_STATUS = {200, 203, 301, 404, 410}
NEVER_CACHED_PATHS = re.compile(r"^/(?:admin|django-admin|documents|i18n)/")
SEARCH_PATHS = re.compile(r"^/(?:en/)?soeg/$")


def _login_urls():
    return tuple(
        url
        for url in (
            getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", ""),
            getattr(settings, "LOGIN_URL", ""),
            "/admin/login/",
        )
        if url
    )


def page_cache_forbidden(request, response):
    """True when no cache may keep this response (see the module's docstring)."""
    if getattr(request, "page_cache_forbidden", False):
        return True
    if NEVER_CACHED_PATHS.match(request.path_info):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
        return True
    if response.status_code in (302, 303, 307) and response.get("Location", "").startswith(_login_urls()):
        return True
    if response.has_header("Cache-Control"):
        return False  # the view decided (calendars, robots.txt, /favicon.ico, never_cache forms)
    return response.status_code not in CACHEABLE_STATUS


class CacheHeadersMiddleware:
    """Give every GET/HEAD response a `Cache-Control` that says who may keep it and for how long.

    Sits outside the session, CSRF and authentication middleware so it sees the cookies they set.
    It never touches `request.user`, so it needs no database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        if page_cache_forbidden(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        if SEARCH_PATHS.match(request.path_info):
            # The search view says never_cache for the browser's sake; a shared cache may keep
            # one answer for a few seconds, which absorbs bursts of the same query.
            del response["Cache-Control"]
            if response.has_header("Expires"):
                del response["Expires"]
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.SEARCH_CACHE_SECONDS)
            return response
        if not response.has_header("Cache-Control"):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
        return response


@hooks.register("before_serve_page", order=-100)
def forbid_caching_form_pages(page, request, serve_args, serve_kwargs):
    """Form pages carry a CSRF token and answer per visitor: never keep them in a cache.

    Recognised by the method every Wagtail form page has (`FormMixin.process_form_submission`), so
    this works without importing `wagtail.contrib.forms`, which the site does not install.
    """
    if callable(getattr(page, "process_form_submission", None)):
        request.page_cache_forbidden = True
