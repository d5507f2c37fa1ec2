"""The Elasticsearch circuit breaker: after a failure, searches go straight to the database for a while."""

import logging
import socket
from types import SimpleNamespace

import pytest

from search.engines import SearchRequest, database_engine, get_engine
from search.engines import breaker as breaker_module
from search.engines.breaker import CircuitBreaker
from search.engines.elastic import ElasticsearchEngine
from search.text import parse_query

from .corpus import corpus

pytestmark = pytest.mark.django_db


class SilentListener:
    """A port that accepts connections and never answers; counts the connections made to it."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)  # connections wait in the backlog; nobody ever reads or answers them
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.accepted = []

    def connections(self):
        self.server.setblocking(False)
        while True:
            try:
                self.accepted.append(self.server.accept()[0])
            except BlockingIOError:
                return len(self.accepted)

    def close(self):
        for connection in self.accepted:
            connection.close()
        self.server.close()


def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def cluster_down(request, settings, home_page, monkeypatch):
    """ELASTICSEARCH_URL at a silent listener or a closed port, the database index filled, cluster calls counted."""
    listener = SilentListener() if request.param == "silent" else None
    settings.ELASTICSEARCH_URL = listener.url if listener else closed_port()
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    settings.ELASTICSEARCH_COOLDOWN = 30
    database_engine().rebuild([[(document, "") for document in corpus(home_page.pk)]])
    monkeypatch.setattr(CircuitBreaker, "local_open_until", {})
    calls = []
    real_search = ElasticsearchEngine._search

    def counted(self, search_request):
        calls.append(search_request)
        return real_search(self, search_request)

    monkeypatch.setattr(ElasticsearchEngine, "_search", counted)
    yield SimpleNamespace(calls=calls, listener=listener)
    if listener:
        listener.close()


def search(q="biblioteker"):
    return get_engine().search(SearchRequest(query=parse_query(q)))


@pytest.mark.parametrize("cluster_down", ["silent", "closed"], indirect=True)
def test_after_a_failure_the_next_search_does_not_wait_for_the_cluster(cluster_down, caplog, monkeypatch):
    with caplog.at_level(logging.WARNING, logger="search.engines.elastic"):
        first = search()
    assert first.fell_back and first.total == 2
    assert len(cluster_down.calls) == 1
    assert "for the next 30.0 s" in caplog.text
    if cluster_down.listener:
        assert cluster_down.listener.connections() == 1

    second = search("energi")
    assert second.fell_back and second.engine == "database" and second.total == 2
    assert len(cluster_down.calls) == 1  # the cluster was not asked again
    if cluster_down.listener:
        assert cluster_down.listener.connections() == 1  # nor even connected to

    # After the cooldown the cluster is tried again (and, still down, the circuit opens again).
    later = breaker_module.now() + 31
    monkeypatch.setattr(breaker_module, "now", lambda: later)
    assert search().fell_back
    assert len(cluster_down.calls) == 2
    if cluster_down.listener:
        assert cluster_down.listener.connections() == 2
    assert search().fell_back and len(cluster_down.calls) == 2


@pytest.mark.parametrize("cluster_down", ["closed"], indirect=True)
def test_other_workers_learn_of_the_failure_through_the_cache(cluster_down, monkeypatch):
    search()
    monkeypatch.setattr(CircuitBreaker, "local_open_until", {})  # another process: only the cache is shared
    assert search().fell_back
    assert len(cluster_down.calls) == 1


@pytest.mark.parametrize("cluster_down", ["silent"], indirect=True)
def test_with_the_cache_down_the_breaker_still_works_in_each_process(cluster_down, settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    with caplog.at_level(logging.WARNING, logger="search.engines.shared"):
        assert search().fell_back
        assert search().fell_back
    assert len(cluster_down.calls) == 1 and cluster_down.listener.connections() == 1
    assert "could not" in caplog.text


def test_a_cluster_that_answers_again_closes_the_circuit(settings, monkeypatch):
    monkeypatch.setattr(CircuitBreaker, "local_open_until", {})
    breaker = CircuitBreaker("http://example.invalid test", cooldown=30)
    breaker.trip()
    assert breaker.is_open()
    breaker.close()
    assert not breaker.is_open()
    monkeypatch.setattr(CircuitBreaker, "local_open_until", {})
    assert not breaker.is_open()  # not in the shared cache either
