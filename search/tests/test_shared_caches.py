"""Caches derived from the index (facet counts, the spelling vocabulary) never disagree between workers.

Each test plays two workers with caches of their own (as processes with local memory caches have):
a change made in one worker shows at once in the other, because the cached values are keyed by
the index version kept in the database, and that version is read with every search.
"""

import logging

from django.core.cache.backends.locmem import LocMemCache

from wagtail.models import PageViewRestriction

import pytest

from cms.models import StandardPage
from search.engines import SearchRequest, database_engine, shared
from search.text import parse_query

from .corpus import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def become(monkeypatch, home_page):
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    workers = {name: LocMemCache(f"search-worker-{name}", {}) for name in ("a", "b")}

    def become(name):
        monkeypatch.setattr(shared, "cache", workers[name])

    yield become
    for cache in workers.values():
        cache.clear()


def search(q=""):
    return database_engine().search(SearchRequest(query=parse_query(q)))


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug, live=False)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_privacy_change_in_one_worker_shows_in_the_facet_counts_of_another(become, home_page):
    become("a")
    page = publish(home_page, "Intern side om arkivet", "intern")
    assert search().facets["kind"]["page"] == 1
    assert search().facets["kind"]["page"] == 1  # now from worker a's cache

    become("b")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "page" not in search().facets["kind"]

    become("a")
    assert "page" not in search().facets["kind"]
    assert search().total == 6


def test_new_words_from_one_worker_reach_the_did_you_mean_of_another(become, home_page):
    become("a")
    assert search("vinterbadnig").suggestion == ""  # the vocabulary is cached in worker a without it
    become("b")
    publish(home_page, "Vinterbadning ved kulturhuset", "vinterbadning")
    become("a")
    assert search("vinterbadnig").suggestion == "vinterbadning"


def test_search_works_without_its_cache(settings, home_page, caplog):
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    with caplog.at_level(logging.WARNING, logger="search.engines.shared"):
        assert search().facets["kind"]["case"] == 2
        assert search("musikskolne").suggestion.startswith("musikskole")
    assert "could not read" in caplog.text
