"""Django's cache as every worker shares it (Redis in production), used so that a cache that is down
slows search at most to uncached speed and never breaks it."""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def cache_get(key, default=None):
    try:
        return cache.get(key, default)
    except Exception:  # the cache backend's own errors (redis.ConnectionError, timeouts ...)
        logger.warning("Search could not read %s from the cache; going on without it.", key, exc_info=True)
        return default


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
        return True
    except Exception:
        logger.warning("Search could not write %s to the cache; going on without it.", key, exc_info=True)
        return False


def cache_delete(key):
    try:
        cache.delete(key)
        return True
    except Exception:
        logger.warning("Search could not delete %s from the cache.", key, exc_info=True)
        return False
