"""Parts of public pages rendered once per content change and shared by every worker.

The same pattern as the search index's version (search.models.IndexState), for what pages show:
`ContentVersion` holds a token that the signals purging the page cache (cms/frontend_cache.py:
publishing, unpublishing, moving and deleting pages, privacy changes, snippets, site settings and the
labels in `FRONTEND_CACHE_SITEWIDE_MODELS`) change in the same transaction as the change itself. A
fragment is kept in Django's cache (Redis in production) under its name, what it varies on and that
token, so after a commit every worker reads the new token and renders the fragment again, whatever
cache it has; no key is ever deleted, old ones expire.

A request reads the token first and renders after, so a fragment rendered from content older than the
token it is stored under cannot happen. Until the first change there is no token and nothing is cached.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction

from cms.models import ContentVersion

FRAGMENT_SECONDS = 24 * 60 * 60  # a safety net only: a change makes a fragment unreachable at once
KEY_PREFIX = "fragment"


def content_version():
    """The current token, or None before anything has been published."""
    return ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def bump_content_version():
    """Change the token, inside the caller's transaction: fragments cached under the old one are no longer
    read by any worker once the change is committed."""
    token = secrets.token_hex(8)
    if ContentVersion.objects.filter(pk=1).update(token=token):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=1, token=token)
    except IntegrityError:  # another transaction created the row first
        ContentVersion.objects.filter(pk=1).update(token=token)


def fragment_key(name, version, vary):
    """A cache key that is short and safe for every backend, whatever the parts contain."""
    digest = hashlib.sha256(repr(tuple(vary)).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{name}:{version}:{digest}"


def cached_fragment(name, vary, build, timeout=FRAGMENT_SECONDS):
    """`build()`'s value for this content version, computed once and then read from the cache.

    `vary` lists everything besides the content that changes the value (language, an address, …);
    the value must pickle and must not be None.
    """
    version = content_version()
    if version is None:
        return build()
    key = fragment_key(name, version, vary)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
