"""From pages to the index: which pages are searchable, what they contribute, and keeping it in step.

Only live pages without view restrictions (on themselves or an ancestor) are indexed, on every
engine. Drafts and pages in moderation are never indexed: what is indexed is always the live
version of a page, read from the database.

Models that are not pages but have a public page of their own (the directory's organisations and
people) join search with the same `search_documents()`; they decide themselves what is public
(a person without public appearances yields nothing). Their documents are keyed by the object
(`search.documents.object_key`), and they are re-indexed when they change and when a page that
refers to them is published, unpublished or deleted (`related_objects`).
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from cms.models import Municipality
from search.documents import object_key
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


def searchable_object_models():
    """Every concrete model that is not a page and declares `search_documents` (organisations, people)."""
    return [
        model
        for model in apps.get_models()
        if not issubclass(model, Page)
        and not model._meta.abstract
        and callable(getattr(model, "search_documents", None))
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


def object_items(obj, report):
    """The (SearchDocument, attachment text) pairs of an object that is not a page; [] if it has no public page."""
    try:
        documents = [document for document in obj.search_documents() if document.url]
        items = [(document, attachments_text(document.documents)) for document in documents]
    except Exception:
        logger.exception("Search could not build the documents of %s %s", obj._meta.label, obj.pk)
        report.skip(SKIP_ERROR)
        return []
    if items:
        report.pages += 1
        report.documents += len(items)
    return items


def index_pages(pages):
    """Bring the index in step with these pages (indexed, updated or removed) on every engine,
    and with the objects (organisations, people) whose public pages list them."""
    pages = [page.specific for page in pages]
    if not pages:
        return IndexReport()
    paths = restricted_paths()
    report = IndexReport()
    items = [item for page in pages for item in page_items(page, paths, report)]
    page_ids = [page.pk for page in pages]
    for engine in index_engines():
        _safely(engine, "index", items, page_ids)
    # Republishing may have dropped a reference (a meeting's old speakers): titles find those too.
    index_objects(objects_listing(page_ids, [page.title for page in pages]))
    return report


def remove_pages(page_ids, related=None):
    """Drop these pages' documents; re-index the objects that listed them (given when the pages are gone)."""
    page_ids = list(page_ids)
    related = related_objects(page_ids) if related is None else related
    for engine in index_engines():
        _safely(engine, "remove", page_ids)
    index_objects(related)


def index_objects(objects):
    """Bring the index in step with these objects that are not pages (indexed, updated or removed)."""
    objects = list(objects)
    report = IndexReport()
    if not objects:
        return report
    items = [item for obj in objects for item in object_items(obj, report)]
    keys = [object_key(obj) for obj in objects]
    for engine in index_engines():
        _safely(engine, "index", items, [], keys)
    return report


def remove_objects(keys):
    for engine in index_engines():
        _safely(engine, "remove", [], list(keys))


def related_objects(page_ids):
    """The searchable objects that pages refer to, whose public pages list those pages.

    Found from the models' relations, without knowing the page types: a page type that points at the
    object (a strategy's partners), or a part of a page that does (an action's responsible
    organisation, a talk's speaker, a case's organisations).
    """
    page_ids = list(page_ids)
    if not page_ids:
        return []
    found = []
    for model in searchable_object_models():
        conditions = []
        for relation in model._meta.related_objects:
            if relation.hidden:
                continue
            name = relation.name
            related = relation.related_model
            if issubclass(related, Page):
                conditions.append(Q(**{f"{name}__in": page_ids}))
                continue
            for link in related._meta.get_fields():
                if isinstance(link, models.ForeignKey) and issubclass(link.related_model, Page):
                    conditions.append(Q(**{f"{name}__{link.name}__in": page_ids}))
        # One small query per relation rather than one query joining them all.
        pks = set()
        for condition in conditions:
            pks.update(model._default_manager.filter(condition).values_list("pk", flat=True))
        if pks:
            found.extend(model._default_manager.filter(pk__in=pks).order_by("pk"))
    return found


def objects_listing(page_ids, titles):
    """The searchable objects that refer to these pages, and those whose indexed text names them.

    The second half finds what no relation shows any more: when a meeting is unpublished, its talks
    are gone before search hears of it, but its speakers' documents still name the meeting.
    """
    found = {object_key(obj): obj for obj in related_objects(page_ids)}
    titles = [title for title in titles if title]
    if titles:
        named = Q()
        for title in titles:
            named |= Q(body__icontains=title)
        keys = IndexEntry.objects.filter(Q(page__isnull=True) & named).values_list("key", flat=True)
        by_model = {}
        for key in keys:
            label, _sep, rest = key.partition(":")
            pk = rest.split(":", 1)[0]
            if pk.isdigit():
                by_model.setdefault(label, set()).add(int(pk))
        for label, pks in by_model.items():
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                continue
            for obj in model._default_manager.filter(pk__in=pks):
                found.setdefault(object_key(obj), obj)
    return list(found.values())


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
    """Every searchable page's and object's items, in batches, for a full rebuild or update."""
    paths = restricted_paths()
    for model in searchable_models():
        queryset = _loaded_with(model.objects.live().order_by("path"))
        yield from _batches(queryset, lambda page: page_items(page, paths, report), batch_pages, progress)
    for model in searchable_object_models():
        queryset = _loaded_with(model._default_manager.order_by("pk"))
        yield from _batches(queryset, lambda obj: object_items(obj, report), batch_pages, progress)


def _batches(queryset, items_of, batch_pages, progress):
    """The items of every row, in batches of about `batch_pages` items, with the progress of the rows."""
    if progress:
        progress.start(queryset.model._meta.verbose_name_plural, queryset.count())
    batch = []
    for row in queryset.iterator(chunk_size=batch_pages):
        batch.extend(items_of(row))
        if progress:
            progress.advance()
        if len(batch) >= batch_pages:
            yield batch
            batch = []
    if batch:
        yield batch
    if progress:
        progress.finish()


def _loaded_with(queryset):
    """The queryset with what every document reads loaded in bulk, not one query per page or object:
    the themes (a `themes` field) and each municipality's region (region codes are facet values)."""
    model = queryset.model
    names = {field.name for field in model._meta.get_fields()}
    if "themes" in names:
        queryset = queryset.prefetch_related("themes")
    paths = _municipality_paths(model)
    return queryset.select_related(*paths) if paths else queryset


def _municipality_paths(model, depth=2):
    """select_related paths to the regions of the municipalities a model points at (directly or one step on)."""
    paths = []
    for link in model._meta.concrete_fields:
        if not isinstance(link, models.ForeignKey) or link.related_model is None:
            continue
        if link.related_model is Municipality:
            paths.append(f"{link.name}__region")
        elif depth > 1 and not issubclass(link.related_model, Page):
            paths += [f"{link.name}__{path}" for path in _municipality_paths(link.related_model, depth - 1)]
    return paths


def stale_page_ids():
    """Pages in the index that should no longer be there (unpublished, private, gone)."""
    paths = restricted_paths()
    indexed = set(IndexEntry.objects.filter(page__isnull=False).values_list("page_id", flat=True).distinct())
    stale = set(indexed)
    for page in Page.objects.filter(pk__in=indexed, live=True).only("id", "path"):
        if not is_restricted(page, paths):
            stale.discard(page.pk)
    return stale


def stale_object_keys(indexed_keys):
    """Documents of objects (not pages) in the index that this run did not index: no longer public."""
    stale = IndexEntry.objects.filter(page__isnull=True).exclude(key__in=list(indexed_keys))
    return sorted({":".join(key.split(":")[:2]) for key in stale.values_list("key", flat=True)})
