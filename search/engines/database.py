"""The database engine: PostgreSQL full-text search (`danish`) or SQLite FTS5 over Danish stems.

One set of SQL builders serves both; only the text match and the ranking differ by vendor.
Facet counts are GROUP BYs over `search_indexfacet`. A facet's own selection does not narrow its
counts (several values of one facet combine with OR, facets combine with AND), so the counts say
what ticking one more box would give.
"""

import difflib
from collections import Counter
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection, transaction

from search.models import IndexEntry, IndexFacet
from search.text import STOP_WORDS, WORD, highlight, snippet, stem, stemmed_text

from .base import FACETS, MAX_ATTACHMENT_CHARS, MAX_BODY_CHARS, Hit, SearchResults, facet_values

BATCH_SIZE = 500
VOCABULARY_CACHE_KEY = "search:vocabulary:{version}"
INDEX_VERSION_KEY = "search:index-version"


def bump_index_version():
    """Forget cached spelling vocabularies after the index changed."""
    try:
        cache.incr(INDEX_VERSION_KEY)
    except ValueError:
        cache.set(INDEX_VERSION_KEY, 1, None)


class DatabaseEngine:
    name = "database"

    @property
    def vendor(self):
        return connection.vendor

    # Writing -----------------------------------------------------------------------------

    def index(self, items, page_ids):
        """Replace the documents of `page_ids` with `items` ((SearchDocument, attachment text) pairs)."""
        with transaction.atomic():
            self._delete(page_ids)
            self._insert(items)
        bump_index_version()

    def remove(self, page_ids):
        with transaction.atomic():
            self._delete(page_ids)
        bump_index_version()

    def clear(self):
        with transaction.atomic():
            self._clear()
        bump_index_version()

    def rebuild(self, batches):
        with self.rebuilding() as add:
            for items in batches:
                add(items)

    @contextmanager
    def rebuilding(self):
        """Empty the index and refill it through the yielded function, in one transaction.

        Readers keep seeing the old index until the new one is committed (PostgreSQL's MVCC;
        SQLite in WAL mode), so a rebuild never shows visitors an empty search.
        """
        with transaction.atomic():
            self._clear()
            yield self._insert
        bump_index_version()

    def count(self):
        return IndexEntry.objects.count()

    def _clear(self):
        IndexFacet.objects.all()._raw_delete(IndexFacet.objects.db)
        IndexEntry.objects.all()._raw_delete(IndexEntry.objects.db)
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")

    def _delete(self, page_ids):
        page_ids = list(page_ids)
        for start in range(0, len(page_ids), BATCH_SIZE):
            chunk = page_ids[start : start + BATCH_SIZE]
            IndexFacet.objects.filter(entry__page_id__in=chunk).delete()
            IndexEntry.objects.filter(page_id__in=chunk).delete()  # the SQLite trigger drops FTS rows

    def _insert(self, items):
        items = list(items)
        for start in range(0, len(items), BATCH_SIZE):
            chunk = items[start : start + BATCH_SIZE]
            # A key indexed twice in one batch (a page listed twice) keeps its last version.
            unique = list({document.key: (document, text) for document, text in chunk}.values())
            IndexEntry.objects.filter(key__in=[document.key for document, _text in unique]).delete()
            entries = IndexEntry.objects.bulk_create(
                [
                    IndexEntry(
                        key=document.key,
                        page_id=document.page_id,
                        kind=document.kind,
                        kind_label=str(document.kind_label),
                        title=document.title[:500],
                        url=document.url[:1000],
                        summary=document.summary or "",
                        body=(document.body or "")[:MAX_BODY_CHARS],
                        attachments=(text or "")[:MAX_ATTACHMENT_CHARS],
                        date=document.date,
                    )
                    for document, text in unique
                ]
            )
            IndexFacet.objects.bulk_create(
                [
                    IndexFacet(entry_id=entry.pk, name=name, value=value[:120])
                    for entry, (document, _text) in zip(entries, unique, strict=True)
                    for name, value in facet_values(document)
                ]
            )
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO search_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                        [
                            (
                                entry.pk,
                                stemmed_text(entry.title),
                                stemmed_text(entry.summary),
                                stemmed_text(entry.body + " " + entry.attachments),
                            )
                            for entry in entries
                        ],
                    )

    # Searching ---------------------------------------------------------------------------

    def search(self, request):
        query = request.query
        if not query.is_empty and self.vendor not in ("postgresql", "sqlite"):
            raise NotImplementedError(f"The database engine does not support {self.vendor}.")
        text_sql = self._text_match(query)
        base_from, base_where, base_params = self._matching(text_sql, request.filters)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {base_from} WHERE {base_where}", base_params)  # noqa: S608
            total = cursor.fetchone()[0]
            page = request.page
            last_page = max((total + request.per_page - 1) // request.per_page, 1)
            page = min(page, last_page)
            ids = []
            if total:
                order = self._order(text_sql, request.sort)
                cursor.execute(
                    f"SELECT e.id FROM {base_from} WHERE {base_where} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
                    [
                        *base_params,
                        *(text_sql.rank_params if request.sort == "relevance" else []),
                        request.per_page,
                        (page - 1) * request.per_page,
                    ],
                )
                ids = [row[0] for row in cursor.fetchall()]
            facets = self._facet_counts(cursor, text_sql, request.filters)
        hits = self._hits(ids, query)
        suggestion = "" if total or query.is_empty else self.suggest(query)
        return SearchResults(total=total, hits=hits, facets=facets, page=page, suggestion=suggestion, engine=self.name)

    def _text_match(self, query):
        return TextMatch.build(self.vendor, query)

    def _matching(self, text_sql, filters, exclude=None):
        where, params = [], []
        if text_sql.where:
            where.append(text_sql.where)
            params += text_sql.where_params
        for name in FACETS:
            values = filters.get(name)
            if not values or name == exclude:
                continue
            placeholders = ", ".join(["%s"] * len(values))
            where.append(
                "e.id IN (SELECT f.entry_id FROM search_indexfacet f "  # noqa: S608 - placeholders only
                f"WHERE f.name = %s AND f.value IN ({placeholders}))"
            )
            params += [name, *values]
        return text_sql.from_sql, " AND ".join(where) or "1 = 1", params

    def _order(self, text_sql, sort):
        newest = "e.date DESC NULLS LAST, e.id DESC"
        if sort == "relevance" and text_sql.rank:
            return f"{text_sql.rank}, {newest}"
        return newest

    def _facet_counts(self, cursor, text_sql, filters):
        # Facets whose counts use the same set of other facets' filters share one GROUP BY.
        groups: dict[tuple, list[str]] = {}
        for name in FACETS:
            applied = tuple((other, tuple(filters[other])) for other in FACETS if other != name and filters.get(other))
            groups.setdefault(applied, []).append(name)
        counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for applied, names in groups.items():
            applied_filters = {other: list(values) for other, values in applied}
            from_sql, where_sql, params = self._matching(text_sql, applied_filters)
            name_list = ", ".join(["%s"] * len(names))
            if where_sql == "1 = 1":
                subquery = ""
            else:
                subquery = f"AND fv.entry_id IN (SELECT e.id FROM {from_sql} WHERE {where_sql})"  # noqa: S608
            cursor.execute(
                "SELECT fv.name, fv.value, COUNT(*) FROM search_indexfacet fv "  # noqa: S608 - placeholders only
                f"WHERE fv.name IN ({name_list}) {subquery} GROUP BY fv.name, fv.value",
                [*names, *params] if subquery else names,
            )
            for name, value, number in cursor.fetchall():
                counts[name][value] = number
        return counts

    def _hits(self, ids, query):
        if not ids:
            return []
        entries = IndexEntry.objects.filter(pk__in=ids, page__live=True).prefetch_related("facets")
        by_id = {entry.pk: entry for entry in entries}
        stems = query.stems
        hits = []
        for pk in ids:
            entry = by_id.get(pk)
            if entry is None:
                continue
            values = {}
            for facet in entry.facets.all():
                values.setdefault(facet.name, []).append(facet.value)
            hits.append(
                Hit(
                    key=entry.key,
                    page_id=entry.page_id,
                    title=entry.title,
                    kind=entry.kind,
                    kind_label=entry.kind_label,
                    url=entry.url,
                    date=entry.date,
                    title_html=highlight(entry.title, stems),
                    snippet_html=snippet([entry.summary, entry.body, entry.attachments], stems),
                    municipalities=[int(code) for code in values.get("municipality", []) if code.isdigit()],
                    themes=values.get("theme", []),
                )
            )
        return hits

    # Did you mean -------------------------------------------------------------------------

    def suggest(self, query):
        """A respelled query when some of its words are unknown, from the words in titles and summaries."""
        vocabulary = self._vocabulary()
        if not vocabulary:
            return ""
        changed, suggested = False, []
        known = set(vocabulary)
        for word in query.all_words:
            if word in STOP_WORDS or word in known or stem(word) in vocabulary.get("__stems__", ()):
                suggested.append(word)
                continue
            matches = difflib.get_close_matches(word, vocabulary["__words__"], n=1, cutoff=0.75)
            if matches:
                suggested.append(matches[0])
                changed = True
            else:
                suggested.append(word)
        return " ".join(suggested) if changed else ""

    def _vocabulary(self):
        version = cache.get(INDEX_VERSION_KEY, 0)
        key = VOCABULARY_CACHE_KEY.format(version=version)
        vocabulary = cache.get(key)
        if vocabulary is None:
            counter = Counter()
            rows = IndexEntry.objects.order_by("-id").values_list("title", "summary")[:20_000]
            for title, summary in rows.iterator(chunk_size=2000):
                counter.update(
                    word for word in WORD.findall(f"{title} {summary}".lower()) if len(word) > 3 and not word.isdigit()
                )
            words = [word for word, _n in counter.most_common(20_000)]
            vocabulary = {"__words__": words, "__stems__": {stem(word) for word in words}}
            cache.set(key, vocabulary, 600)
        return vocabulary


class TextMatch:
    """The vendor's SQL for "matches the query" and "rank by relevance"."""

    def __init__(self, from_sql, where="", where_params=(), rank="", rank_params=()):
        self.from_sql = from_sql
        self.where = where
        self.where_params = list(where_params)
        self.rank = rank
        self.rank_params = list(rank_params)

    @classmethod
    def build(cls, vendor, query):
        if query.is_empty:
            return cls("search_indexentry e")
        if vendor == "postgresql":
            parts, params = [], []
            if query.terms:
                parts.append("plainto_tsquery('danish', %s)")
                params.append(" ".join(query.terms))
            for phrase in query.phrases:
                parts.append("phraseto_tsquery('danish', %s)")
                params.append(" ".join(phrase))
            tsquery = " && ".join(parts)
            return cls(
                "search_indexentry e",
                where=f"e.search_vector @@ ({tsquery})",
                where_params=params,
                rank=f"ts_rank(e.search_vector, ({tsquery})) DESC",
                rank_params=params,
            )
        # SQLite FTS5: every stem must occur; phrases are FTS5 phrases of stems. Stems are word
        # characters only, and quoting each one keeps FTS5's own syntax out of reach.
        clauses = [f'"{stem(term)}"' for term in query.terms]
        for phrase in query.phrases:
            phrase_stems = [stem(word) for word in phrase if word not in STOP_WORDS]
            clauses.append('"' + " ".join(phrase_stems) + '"')
        match = " AND ".join(clauses)
        return cls(
            "search_fts JOIN search_indexentry e ON e.id = search_fts.rowid",
            where="search_fts MATCH %s",
            where_params=[match],
            # bm25 is lower for better matches; weights: title 10, summary 4, body 1.
            rank="bm25(search_fts, 10.0, 4.0, 1.0) ASC",
        )
