"""A Redis cache that degrades to "empty" when Redis is closed, silent or broken.

Django's `RedisCache` raises on every call when Redis is unreachable, and waits as long as the
socket lets it when Redis accepts connections but never answers. `DegradingRedisCache` bounds
each call with the socket timeouts in `OPTIONS` (set in settings), turns a failure into the
answer an empty cache gives (a miss, a write that did not happen), and then leaves Redis alone
for `RETRY_AFTER` seconds, so a page that asks the cache twenty times waits for at most one
timeout. It logs one warning a minute per process while Redis is unavailable.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Errors that mean "Redis is not there or not answering". OSError covers socket errors the
# client does not wrap.
UNAVAILABLE = (RedisError, OSError)


class DegradingRedisCache(RedisCache):
    """Django's Redis cache that answers as an empty cache while Redis is unavailable."""

    RETRY_AFTER = 5.0  # seconds to skip Redis after a failed call
    WARN_EVERY = 60.0  # seconds between warnings in the log

    def __init__(self, server, params):
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._last_warning = 0.0
        self._last_error = ""

    # -- state --------------------------------------------------------------------------
    @property
    def available(self):
        """False while calls are skipped after a failure."""
        return time.monotonic() >= self._down_until

    @property
    def last_error(self):
        return self._last_error

    def _failed(self, operation, error):
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.RETRY_AFTER
            self._last_error = f"{type(error).__name__}: {error}"
            warn = now - self._last_warning >= self.WARN_EVERY or not self._last_warning
            if warn:
                self._last_warning = now
        if warn:
            logger.warning(
                "Redis cache unavailable (%s during %s); serving without the cache, retrying every %s s",
                self._last_error,
                operation,
                self.RETRY_AFTER,
            )

    def _succeeded(self):
        if self._last_error:
            with self._lock:
                if self._last_error:
                    logger.warning("Redis cache available again")
                    self._last_error = ""
                    self._last_warning = 0.0

    def _call(self, operation, fallback, *args, **kwargs):
        if not self.available:
            return fallback()
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except UNAVAILABLE as error:
            self._failed(operation, error)
            return fallback()
        self._succeeded()
        return result

    def ping(self):
        """Ask Redis directly (ignoring the pause after a failure); True when it answers."""
        try:
            self._cache.get_client().ping()
        except UNAVAILABLE as error:
            self._failed("ping", error)
            return False
        self._succeeded()
        with self._lock:
            self._down_until = 0.0
        return True

    # -- the cache API, each call answered as an empty cache would when Redis is down ----
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # An empty cache would accept the value; reporting success keeps callers' logic simple.
        return self._call("add", lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")

        return self._call("incr", missing, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
