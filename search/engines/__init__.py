"""Search engines behind one interface: the database engine (default) and Elasticsearch.

`get_engine()` gives the engine that answers the public search: Elasticsearch when
`ELASTICSEARCH_URL` is set (with the database engine as its fallback), otherwise the database.
`index_engines()` gives every engine that has to be kept in step: the database index is always
maintained, so the fallback always has fresh results.
"""

from django.conf import settings

from .base import FACETS, Hit, SearchRequest, SearchResults  # noqa: F401
from .database import DatabaseEngine


def get_engine():
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, fallback=DatabaseEngine())
    return DatabaseEngine()


def index_engines():
    engines = [DatabaseEngine()]
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elastic import ElasticsearchEngine

        engines.append(ElasticsearchEngine(settings.ELASTICSEARCH_URL))
    return engines
