"""Whole-index operations shared by the `search_index` command and the demo loader."""

from contextlib import ExitStack

from search import pipeline
from search.engines import database_engine, index_engines


def rebuild(progress=None):
    """Build every engine's index anew from the live, public pages; visitors keep the old one meanwhile."""
    report = pipeline.IndexReport()
    with ExitStack() as stack:
        writers = [stack.enter_context(engine.rebuilding()) for engine in index_engines()]
        for batch in pipeline.iter_batches(report, progress=progress):
            for add in writers:
                add(batch)
    database_engine().vacuum()
    return report


def update(progress=None):
    """Re-index every searchable page in place and drop what should no longer be found."""
    report = pipeline.IndexReport()
    engines = index_engines()
    object_keys_indexed = set()
    for batch in pipeline.iter_batches(report, progress=progress):
        page_ids = list({document.page_id for document, _text in batch if document.page_id is not None})
        objects = {":".join(document.key.split(":")[:2]) for document, _text in batch if document.page_id is None}
        object_keys_indexed.update(document.key for document, _text in batch if document.page_id is None)
        for engine in engines:
            engine.index(batch, page_ids, sorted(objects))
    stale = pipeline.stale_page_ids()
    stale_objects = pipeline.stale_object_keys(object_keys_indexed)
    if stale or stale_objects:
        for engine in engines:
            engine.remove(list(stale), stale_objects)
    report.removed = len(stale) + len(stale_objects)
    return report


def clear():
    for engine in index_engines():
        engine.clear()
