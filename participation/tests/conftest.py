import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and spent form stamps live in the cache; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
