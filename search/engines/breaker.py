"""A circuit breaker for a search engine that may stop answering (Elasticsearch).

After a failure the circuit is open for `cooldown` seconds: searches go straight to the fallback
instead of waiting for the timeout on every request. Then one search tries the engine again; if it
fails, the circuit opens for another cooldown. The state is kept in Django's cache, which every
worker shares in production (Redis), so one worker's failure spares the others the wait; each
process also remembers it itself, so a cache that is down only makes the breaker per-process.
"""

import hashlib
import math
import time

from .shared import cache_delete, cache_get, cache_set


def now() -> float:
    """Wall-clock seconds: the moment the circuit closes again has to mean the same in every worker."""
    return time.time()


class CircuitBreaker:
    # This process's own record (key -> open until), read before the shared one.
    local_open_until: dict[str, float] = {}

    def __init__(self, name: str, cooldown: float):
        self.key = "search:circuit:" + hashlib.sha256(name.encode()).hexdigest()[:24]
        self.cooldown = cooldown

    def is_open(self) -> bool:
        moment = now()
        if self.local_open_until.get(self.key, 0) > moment:
            return True
        shared = cache_get(self.key)
        return isinstance(shared, int | float) and shared > moment

    def trip(self) -> None:
        """Open the circuit for one cooldown, here and for every worker that shares the cache."""
        until = now() + self.cooldown
        self.local_open_until[self.key] = until
        cache_set(self.key, until, max(math.ceil(self.cooldown), 1))

    def close(self) -> None:
        """The engine answered: forget a failure this process had recorded."""
        if self.local_open_until.pop(self.key, None) is not None:
            cache_delete(self.key)
