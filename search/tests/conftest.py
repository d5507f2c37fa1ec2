"""Search tests start with an empty cache: the index version rolls back with each test's transaction,
so counts and words cached under a version by an earlier test must not be read by the next one."""

from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()
