"""Purge the page cache (Varnish) when content changes, through wagtail.contrib.frontend_cache.

Wagtail's own handlers PURGE a page's URL when it is published or unpublished. That is not enough
here: a published strategy also appears on the home page, /kommuner/, its municipality, theme
pages, feeds, the sitemap and the search, in Danish and under /en/, and a theme, the menu or a
municipality's name appears on hundreds of pages. Working out each affected URL would be fragile,
the site has a few hundred pages and editors publish a few times a day, so every change that can
show on a public page BANs the whole site from the cache (both languages); the cache refills from
the next visitors. One BAN is sent per database transaction, after it commits, so the cache never
refills with the state before the commit.

What bans:
- pages: published, unpublished, moved, deleted, and privacy (view restriction) changes;
- snippets and site settings (every model registered with Wagtail's snippet or settings
  registry, looked up when the signal fires, so models moved between apps keep purging);
- the labels in `FRONTEND_CACHE_SITEWIDE_MODELS` (themes, geography, organisations, people,
  images, sites, redirects, search promotions); labels of apps not installed are skipped.

Backends without a BAN (Cloudflare, CloudFront…) get a PURGE of the changed page's URLs in both
languages and of the home pages instead.

The same changes start a new content generation (cms/content_cache.py), with or without a page cache
configured, so values kept in the application are never older than the pages the page cache keeps.
"""

import logging
import threading
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms import content_cache

logger = logging.getLogger("wagtail.frontendcache")

_pending = threading.local()


class CacheRequest(Request):
    def __init__(self, method, *args, **kwargs):
        self._method = method
        super().__init__(*args, **kwargs)

    def get_method(self):
        return self._method


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP (PURGE) backend with a bounded wait and a BAN of the whole site.

    `LOCATION` is Varnish's address; deploy/varnish.vcl accepts PURGE and BAN from localhost only.
    """

    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def _send(self, method, url, headers=None):
        parts = urlsplit(url)
        host = parts.hostname or "localhost"
        if parts.port:
            host += f":{parts.port}"
        request = CacheRequest(
            method,
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}", **(headers or {})},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - the scheme comes from settings
                return True
        except HTTPError as error:
            logger.error("Could not %s %s in the page cache: HTTP %s %s", method, url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Could not %s %s in the page cache: %s", method, url, getattr(error, "reason", error))
        return False

    def purge(self, url):
        self._send("PURGE", url)

    def ban_site(self, root_url):
        """Drop every cached response of the site at root_url (all paths, both languages)."""
        return self._send("BAN", root_url)


def sitewide_models():
    """The models whose changes can show on any page: snippets, settings and the configured labels."""
    models = set(get_snippet_models()) | set(settings_registry)
    for label in getattr(settings, "FRONTEND_CACHE_SITEWIDE_MODELS", ()):
        try:
            models.add(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return {model for model in models if not issubclass(model, Page)}


def _site_roots():
    return [site.root_url for site in Site.objects.all()]


def ban_everything(page_ids=()):
    """BAN every site from each configured cache; caches that cannot BAN get a PURGE of the changed
    pages' addresses in both languages and of the home pages."""
    backends = get_backends()
    if not backends:
        return
    roots = _site_roots()
    purge_only = {}
    for name, backend in backends.items():
        if hasattr(backend, "ban_site"):
            for root in roots:
                backend.ban_site(root)
        else:
            purge_only[name] = backend
    if purge_only:
        urls = {f"{root}/" for root in roots} | {f"{root}/en/" for root in roots}
        for page in Page.objects.filter(pk__in=page_ids).specific():
            urls |= _page_urls(page)
        purge_urls_from_cache(urls, backends=purge_only)


def schedule_ban(page=None):
    """Ban once per transaction, after it commits (at once outside a transaction).

    Nothing is looked up here: inside a transaction that is deleting pages a failed query would
    break the transaction, so addresses are worked out after the commit. The values the site keeps
    between requests (cms.content_cache) start a new generation now, and again in the same job after
    the commit, so a value computed from the old rows in the meantime is not read either.
    """
    content_cache.new_generation()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(content_cache.new_generation)
        return
    page_ids = {page.pk} if page is not None and page.pk else set()
    connection = transaction.get_connection()
    pending = getattr(_pending, "job", None)
    # A job still waiting in this transaction's on-commit list takes the new pages; one that ran
    # or was dropped with a rolled-back transaction is replaced.
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        pending.page_ids.update(page_ids)
        return
    job = _BanJob(page_ids)
    _pending.job = job
    transaction.on_commit(job)


class _BanJob:
    def __init__(self, page_ids):
        self.page_ids = set(page_ids)

    def __call__(self):
        if getattr(_pending, "job", None) is self:
            _pending.job = None
        content_cache.new_generation()
        ban_everything(self.page_ids)


def _page_urls(page):
    """The page's address in Danish and English (for caches that can only PURGE)."""
    urls = set()
    for language in ("da", "en"):
        with translation.override(language):
            url = page.get_full_url()
        if url:
            urls.add(url)
    return urls


def _page_changed(sender, instance, **kwargs):
    schedule_ban(instance)


def _restriction_changed(sender, instance, **kwargs):
    schedule_ban(Page(pk=instance.page_id) if instance.page_id else None)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule_ban()


def _model_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if sender in _sitewide():
        schedule_ban()


_sitewide_cache = None


def _sitewide():
    global _sitewide_cache
    if _sitewide_cache is None:
        _sitewide_cache = sitewide_models()
    return _sitewide_cache


def connect():
    """Connect the purge to Wagtail's and Django's signals (called from CmsConfig.ready)."""
    page_published.connect(_page_changed, dispatch_uid="cms.frontend_cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms.frontend_cache.unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="cms.frontend_cache.moved")
    post_delete.connect(_page_deleted, dispatch_uid="cms.frontend_cache.page_deleted")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cms.frontend_cache.r_saved")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cms.frontend_cache.r_gone")
    post_save.connect(_model_changed, dispatch_uid="cms.frontend_cache.model_saved")
    post_delete.connect(_model_changed, dispatch_uid="cms.frontend_cache.model_deleted")
