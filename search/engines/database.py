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
from django.db.models import Count

from search.models import IndexEntry, IndexFacet
from search.text import STOP_WORDS, WORD, highlight, snippet, stem, stemmed_text

from .base import FACETS, MAX_ATTACHMENT_CHARS, MAX_BODY_CHARS, Engine, Hit, SearchResults, facet_values

BATCH_SIZE = 500
VOCABULARY_CACHE_KEY = "search:vocabulary:{version}"
INDEX_VERSION_KEY = "search:index-version"


def bump_index_version():
    """Forget cached spelling vocabularies after the index changed."""
    try:
        cache.incr(INDEX_VERSION_KEY)
    except ValueError:
        cache.set(INDEX_VERSION_KEY, 1, None)


class DatabaseEngine(Engine):
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

    @contextmanager
    def rebuilding(self):
        """Empty the index and refill it through the yielded function, in one transaction.

        Readers keep seeing the old index until the new one is committed (PostgreSQL's MVCC;
        SQLite in WAL mode), so a rebuild never shows visitors an empty search.
        """
        with transaction.atomic():
            self._clear()
            yield self._insert
            self._refresh_statistics()
        bump_index_version()

    def _refresh_statistics(self):
        """Give the query planner fresh statistics after a bulk load (and compact SQLite's FTS index)."""
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute("ANALYZE search_indexentry")
                cursor.execute("ANALYZE search_indexfacet")
            elif self.vendor == "sqlite":
                cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
                cursor.execute("ANALYZE search_indexentry")
                cursor.execute("ANALYZE search_indexfacet")

    def count(self):
        return IndexEntry.objects.count()

    def vacuum(self):
        """Let PostgreSQL mark the freshly written pages visible (what autovacuum does later anyway).

        Only outside a transaction; a no-op on SQLite, where `rebuilding()` already ran ANALYZE.
        """
        if self.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE search_indexentry, search_indexfacet")

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
            if self.vendor == "postgresql":
                # Each entry also carries its facet values as an array, which counting and
                # filtering read without joining the facet table.
                with connection.cursor() as cursor:
                    cursor.execute(
                        "UPDATE search_indexentry e SET facet_keys = ARRAY(SELECT f.name || '=' || f.value "
                        "FROM search_indexfacet f WHERE f.entry_id = e.id ORDER BY f.id) WHERE e.id = ANY(%s)",
                        [[entry.pk for entry in entries]],
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
        """Count, one page of hits and every facet's counts, in one statement.

        The text match runs once, into a materialised `matched` set (id, date, rank); the count,
        the page of hits and the facet GROUP BYs all read from it.
        """
        query = request.query
        if self.vendor not in ("postgresql", "sqlite"):
            raise NotImplementedError(f"The database engine does not support {self.vendor}.")
        page = request.page
        rows = self._run(request, page)
        total = rows["total"]
        last_page = max((total + request.per_page - 1) // request.per_page, 1)
        if page > last_page:
            page = last_page
            rows = self._run(request, page)
        hits = self._hits(rows["ids"], query)
        suggestion = "" if total or query.is_empty else self.suggest(query)
        return SearchResults(
            total=total, hits=hits, facets=rows["facets"], page=page, suggestion=suggestion, engine=self.name
        )

    def _run(self, request, page):
        matched_sql, matched_params = self._matched(request)
        filters = request.filters
        if not matched_sql and filters and self.vendor == "postgresql":
            matched_sql, matched_params = self._filtered_browse(filters)
        parts, params = [], []

        where, where_params = self._facet_filters(filters)
        count_sql = "SELECT 0 AS part, NULL AS name, NULL AS value, COUNT(*) AS n FROM matched m WHERE "
        parts.append(count_sql + where)
        params += where_params

        order = "m.date DESC NULLS LAST, m.id DESC"
        if request.sort == "relevance" and not request.query.is_empty:
            order = "m.rank DESC, " + order
        parts.append(
            "SELECT * FROM (SELECT 1 AS part, NULL AS name, CAST(m.id AS VARCHAR(20)) AS value, "  # noqa: S608 - no values in SQL
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM matched m WHERE {where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s) hits"
        )
        params += [*where_params, request.per_page, (page - 1) * request.per_page]

        # Facets whose counts use the same other facets' filters share one GROUP BY.
        groups: dict[tuple, list[str]] = {}
        for name in FACETS:
            applied = tuple((other, tuple(filters[other])) for other in FACETS if other != name and filters.get(other))
            groups.setdefault(applied, []).append(name)
        use_cache = request.query.is_empty and () in groups
        for applied, names in groups.items():
            if use_cache and applied == ():
                continue
            group_where, group_params = self._facet_filters(dict(applied))
            placeholders = ", ".join(["%s"] * len(names))
            if self.vendor == "postgresql":
                # The row's own facet_keys array: no join with the facet table.
                keys_sql = (
                    "SELECT 2 AS part, split_part(k, '=', 1) AS name, substr(k, strpos(k, '=') + 1) AS value, "
                    "COUNT(*) AS n FROM matched m CROSS JOIN LATERAL unnest(m.facet_keys) AS k WHERE "
                )
                parts.append(keys_sql + f"split_part(k, '=', 1) IN ({placeholders}) AND {group_where} GROUP BY k")
            else:
                parts.append(
                    "SELECT 2 AS part, fv.name, fv.value, COUNT(*) AS n "  # noqa: S608 - placeholders only
                    # CROSS JOIN makes SQLite read the matches first and look up each one's facets.
                    "FROM matched m CROSS JOIN search_indexfacet fv ON fv.entry_id = m.id "
                    f"WHERE fv.name IN ({placeholders}) AND {group_where} GROUP BY fv.name, fv.value"
                )
            params += [*names, *group_params]

        sql = " UNION ALL ".join(parts)
        if matched_sql:
            sql = f"WITH matched AS {matched_sql} {sql}"
        else:
            # Browsing without words: read the entries table itself, where the planner has statistics.
            sql = sql.replace("FROM matched m", "FROM search_indexentry m")
        result = {"total": 0, "ids": [], "facets": {name: {} for name in FACETS}}
        hit_rows = []
        with transaction.atomic(), connection.cursor() as cursor:
            if not request.query.is_empty and self.vendor == "postgresql":
                # Find the matches through the GIN index even when many documents match: a
                # sequential scan would unpack every document's large body vector.
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, [*matched_params, *params])
            for part, name, value, number in cursor.fetchall():
                if part == 0:
                    result["total"] = number
                elif part == 1:
                    hit_rows.append((number, int(value)))
                else:
                    result["facets"][name][value] = number
        result["ids"] = [pk for _position, pk in sorted(hit_rows)]
        if use_cache:
            for name, counts in self._all_facet_counts(groups[()]).items():
                result["facets"][name] = counts
        return result

    def _matched(self, request):
        """The CTE body selecting (id, date, rank) of the documents matching the text query."""
        query = request.query
        if query.is_empty:
            return "", []
        rank = request.sort == "relevance"
        if self.vendor == "postgresql":
            parts, params = [], []
            if query.terms:
                parts.append("plainto_tsquery('danish', %s)")
                params.append(" ".join(query.terms))
            for phrase in query.phrases:
                parts.append("phraseto_tsquery('danish', %s)")
                params.append(" ".join(phrase))
            tsquery = " && ".join(parts)
            # Rank by title (A) and summary (B); matches only in the body or PDFs rank after them.
            rank_sql = f"ts_rank(e.rank_vector, {tsquery})" if rank else "0"
            sql = (
                f"MATERIALIZED (SELECT e.id, e.date, {rank_sql} AS rank, e.facet_keys "  # noqa: S608
                f"FROM search_indexentry e WHERE e.search_vector @@ ({tsquery}))"
            )
            return sql, [*(params if rank else []), *params]
        # SQLite FTS5: every stem must occur; phrases are FTS5 phrases of stems. Stems are word
        # characters only, and quoting each one keeps FTS5's own syntax out of reach.
        clauses = [f'"{stem(term)}"' for term in query.terms]
        for phrase in query.phrases:
            clauses.append('"' + " ".join(stem(word) for word in phrase if word not in STOP_WORDS) + '"')
        # bm25 is lower for better matches; weights: title 10, summary 4, body 1.
        rank_sql = "-bm25(search_fts, 10.0, 4.0, 1.0)" if rank else "0"
        sql = (
            f"MATERIALIZED (SELECT e.id, e.date, {rank_sql} AS rank FROM search_fts "  # noqa: S608
            "JOIN search_indexentry e ON e.id = search_fts.rowid WHERE search_fts MATCH %s)"
        )
        return sql, [" AND ".join(clauses)]

    def _filtered_browse(self, filters):
        """Browsing with facet filters on PostgreSQL: the rows any facet's counts need, read once.

        Each facet's counts apply every filter but its own, so the rows needed are those that
        pass all filters but at most one.
        """
        conditions, params = [], []
        for name in FACETS:
            if filters.get(name):
                conditions.append("CASE WHEN e.facet_keys && %s::text[] THEN 1 ELSE 0 END")
                params.append([f"{name}={value}" for value in filters[name]])
        needed = f"({' + '.join(conditions)}) >= {max(len(conditions) - 1, 1)}"
        browse_sql = "MATERIALIZED (SELECT e.id, e.date, 0 AS rank, e.facet_keys FROM search_indexentry e WHERE "
        sql = browse_sql + needed + ")"
        return sql, params

    def _facet_filters(self, filters):
        where, params = [], []
        for name in FACETS:
            values = filters.get(name)
            if not values:
                continue
            if self.vendor == "postgresql":
                where.append("m.facet_keys && %s::text[]")
                params.append([f"{name}={value}" for value in values])
                continue
            placeholders = ", ".join(["%s"] * len(values))
            where.append(
                "m.id IN (SELECT f.entry_id FROM search_indexfacet f "  # noqa: S608 - placeholders only
                f"WHERE f.name = %s AND f.value IN ({placeholders}))"
            )
            params += [name, *values]
        return " AND ".join(where) or "1 = 1", params

    def _all_facet_counts(self, names):
        """Facet counts over the whole index: the same for every visitor until the index changes."""
        key = f"search:facets:{cache.get(INDEX_VERSION_KEY, 0)}:{','.join(names)}"
        counts = cache.get(key)
        if counts is None:
            counts = {name: {} for name in names}
            rows = (
                IndexFacet.objects.filter(name__in=names)
                .values_list("name", "value")
                .annotate(number=Count("id"))
                .order_by()
            )
            for name, value, number in rows:
                counts[name][value] = number
            cache.set(key, counts, 600)
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
