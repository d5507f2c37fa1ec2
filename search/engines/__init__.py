"""Search engines behind one interface (`base.SearchEngine`): a database engine per database, and Elasticsearch.

`database_engine()` gives the engine for the site's database (`PostgresEngine` or `SqliteEngine`,
chosen by the database vendor). `get_engine()` gives the engine that answers the public search:
Elasticsearch when `ELASTICSEARCH_URL` is set (with the database engine as its fallback and a
circuit breaker in front), otherwise the database engine. `index_engines()` gives every engine that
has to be kept in step: the database index is always maintained, so the fallback has fresh results.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .base import FACETS, Hit, Match, SearchEngine, SearchRequest, SearchResults, last_page  # noqa: F401
from .database import DatabaseEngine
from .elastic import ElasticsearchEngine
from .postgres import PostgresEngine
from .sqlite import SqliteEngine

DATABASE_ENGINES: dict[str, type[DatabaseEngine]] = {"postgresql": PostgresEngine, "sqlite": SqliteEngine}


def database_engine() -> DatabaseEngine:
    """The database engine for the site's database."""
    try:
        engine_class = DATABASE_ENGINES[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"Search supports PostgreSQL and SQLite, not {connection.vendor}: see docs/search.md."
        ) from None
    return engine_class()


def get_engine() -> SearchEngine:
    if settings.ELASTICSEARCH_URL:
        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, fallback=database_engine())
    return database_engine()


def index_engines() -> list[SearchEngine]:
    engines = [database_engine()]
    if settings.ELASTICSEARCH_URL:
        engines.append(ElasticsearchEngine(settings.ELASTICSEARCH_URL))
    return engines
