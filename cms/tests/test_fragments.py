"""Fragments built once per content generation (cms.content_cache.cached_fragment): once per variant,
again after a change. What starts a new generation is tested in test_content_cache.py."""

from django.test import TestCase

from cms import content_cache
from cms.content_cache import cached_fragment


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"fragment {self.calls}"


class CachedFragmentTests(TestCase):
    def test_built_once_per_generation_and_per_variant(self):
        build = Counter()
        content_cache.new_generation()
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 1")
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 1")
        self.assertEqual(cached_fragment("test.fragment", ("en",), build), "fragment 2")
        content_cache.new_generation()
        self.assertEqual(cached_fragment("test.fragment", ("da",), build), "fragment 3")
        self.assertEqual(build.calls, 3)
