"""From pages to the index: which pages are searchable, what they contribute, and keeping it in step.

Only live pages without view restrictions (on themselves or an ancestor) are indexed, on every
engine. Drafts and pages in moderation are never indexed: what is indexed is always the live
version of a page, read from the database.
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

from wagtail.models import Page, PageViewRestriction

from search.engines import index_engines
from search.models import IndexEntry
from search.pdf import attachments_text

logger = logging.getLogger(__name__)


def searchable_models():
    """Every concrete page model that declares `search_documents`."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and not model._meta.abstract and callable(getattr(model, "search_documents", None))
    ]


def restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted(page, paths):
    return any(page.path.startswith(path) for path in paths)


@dataclass
class IndexReport:
    """What an indexing run did: documents indexed and pages skipped with the reason."""

    pages: int = 0
    documents: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    removed: int = 0

    def skip(self, reason):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


SKIP_NOT_SEARCHABLE = "sidetypen indgår ikke i søgningen"
SKIP_NOT_LIVE = "ikke publiceret"
SKIP_RESTRICTED = "privat eller adgangsbegrænset"
SKIP_ERROR = "fejl under indeksering (se loggen)"


def page_items(page, paths, report):
    """The (SearchDocument, attachment text) pairs of one page, or [] with the reason counted."""
    if not callable(getattr(page, "search_documents", None)):
        report.skip(SKIP_NOT_SEARCHABLE)
        return []
    if not page.live:
        report.skip(SKIP_NOT_LIVE)
        return []
    if is_restricted(page, paths):
        report.skip(SKIP_RESTRICTED)
        return []
    try:
        documents = [document for document in page.search_documents() if document.url]
        items = [(document, attachments_text(document.documents)) for document in documents]
    except Exception:
        logger.exception("Search could not build the documents of page %s", page.pk)
        report.skip(SKIP_ERROR)
        return []
    report.pages += 1
    report.documents += len(items)
    return items


def index_pages(pages):
    """Bring the index in step with these pages (indexed, updated or removed) on every engine."""
    pages = [page.specific for page in pages]
    if not pages:
        return IndexReport()
    paths = restricted_paths()
    report = IndexReport()
    items = [item for page in pages for item in page_items(page, paths, report)]
    page_ids = [page.pk for page in pages]
    for engine in index_engines():
        _safely(engine, "index", items, page_ids)
    return report


def remove_pages(page_ids):
    for engine in index_engines():
        _safely(engine, "remove", list(page_ids))


def index_subtree(page):
    """Reindex a page and everything below it (after a move or a change of privacy)."""
    return index_pages(page.get_descendants(inclusive=True).specific().iterator(chunk_size=200))


def _safely(engine, method, *args):
    # A savepoint keeps a failing index write from spoiling the editor's transaction.
    try:
        with transaction.atomic():
            getattr(engine, method)(*args)
    except Exception:
        logger.exception("Search engine %s could not %s pages", engine.name, method)


def iter_batches(report, batch_pages=200, progress=None):
    """Every searchable page's items, in batches, for a full rebuild or update."""
    paths = restricted_paths()
    for model in searchable_models():
        queryset = model.objects.live().order_by("path")
        total = queryset.count()
        if progress:
            progress.start(model._meta.verbose_name_plural, total)
        batch = []
        for page in queryset.iterator(chunk_size=batch_pages):
            batch.extend(page_items(page, paths, report))
            if progress:
                progress.advance()
            if len(batch) >= batch_pages:
                yield batch
                batch = []
        if batch:
            yield batch
        if progress:
            progress.finish()


def stale_page_ids():
    """Pages in the index that should no longer be there (unpublished, private, gone)."""
    paths = restricted_paths()
    indexed = set(IndexEntry.objects.values_list("page_id", flat=True).distinct())
    stale = set(indexed)
    for page in Page.objects.filter(pk__in=indexed, live=True).only("id", "path"):
        if not is_restricted(page, paths):
            stale.discard(page.pk)
    return stale
