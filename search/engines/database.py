"""What the two database engines share: writing the index, one search statement built from parts,
hits, cached facet counts and "did you mean".

`PostgresEngine` (search/engines/postgres.py) and `SqliteEngine` (search/engines/sqlite.py) fill
in the parts that differ: how text matches and ranks, how a facet filters and counts, what else is
written beside an entry and how statistics are refreshed. `database_engine()` gives the one for the
site's database.

Facet counts are GROUP BYs over the facet values. A facet's own selection does not narrow its
counts (several values of one facet combine with OR, facets combine with AND), so the counts say
what ticking one more box would give.

Results are groups: an entry of a group (an action plan and its actions) carries the group's key
as `group_key` (the plan's key); every other entry is a group of its own and has none (NULL), so
the common case costs no grouping. The total, the hits and every facet count count results
(`COUNT_RESULTS`: the entries without a group, plus the distinct groups), so a plan with six matching
actions is one result, shown with those actions as its matches.
"""

import difflib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from search.models import IndexEntry, IndexFacet, IndexState
from search.synonyms import with_synonyms
from search.text import STOP_WORDS, WORD, highlight, snippet, stem

from .base import (
    FACETS,
    MAX_ATTACHMENT_CHARS,
    MAX_BODY_CHARS,
    EngineBase,
    Hit,
    Match,
    SearchResults,
    facet_values,
    last_page,
)
from .shared import cache_get, cache_set

BATCH_SIZE = 500
CACHE_SECONDS = 600
FACETS_CACHE_KEY = "search:facets:{version}:{names}"
VOCABULARY_CACHE_KEY = "search:vocabulary:{version}"
VOCABULARY_SIZE = 20_000

# Rows of the one search statement: part, name, value, number. No value a visitor gives is ever put
# into SQL text (hence the S608 exemptions): only these numbers, table names, ORDER BYs and placeholders.
PART_TOTAL, PART_HIT, PART_FACET, PART_VERSION, PART_MEMBER = 0, 1, 2, 3, 4
# What every `matched` CTE selects of an entry `e` (then its rank): the date of a group's own
# document is `lead_date`, so a group sorts by it even when its members matched with other dates.
MATCHED_COLUMNS = "e.id, e.date, e.group_key, CASE WHEN e.key = e.group_key THEN e.date END AS lead_date"
# How many results rows `m` make: each entry without a group is one, each group is one.
COUNT_RESULTS = "(COALESCE(SUM(CASE WHEN m.group_key IS NULL THEN 1 ELSE 0 END), 0) + COUNT(DISTINCT m.group_key))"


def bump_index_version():
    """Mark the index changed, inside the caller's transaction: cached counts and words keyed by the
    old version are no longer read by any worker once the change is committed."""
    if not IndexState.objects.filter(pk=1).update(version=F("version") + 1):
        IndexState.objects.get_or_create(pk=1, defaults={"version": 1})


def index_version():
    return IndexState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


ENTRY_COLUMNS = (
    "key",
    "group_key",
    "page_id",
    "kind",
    "title",
    "url",
    "summary",
    "body",
    "attachments",
    "theme_text",
    "date",
    "updated_at",
)


@dataclass
class EntryText:
    """What an engine writes beside an entry: its text fields, facet values and (once inserted) its id."""

    key: str
    title: str
    summary: str
    body: str
    attachments: str
    theme_text: str
    facets: list
    pk: int | None = None


@dataclass(frozen=True)
class Sql:
    """A piece of SQL and its parameters, to be joined with others."""

    text: str
    params: tuple = ()

    def __add__(self, other):
        return Sql(self.text + other.text, self.params + other.params)

    @staticmethod
    def join(parts, separator):
        parts = [part for part in parts if part]
        return Sql(separator.join(part.text for part in parts), tuple(p for part in parts for p in part.params))


@dataclass(frozen=True)
class SpellingVocabulary:
    """The commonest words of titles and summaries, and their stems, for "did you mean"."""

    words: tuple[str, ...]
    stems: frozenset[str]

    @classmethod
    def from_words(cls, words):
        words = tuple(words)
        return cls(words=words, stems=frozenset(stem(word) for word in words))

    def knows(self, word):
        """A word is known when it, or another form of it (same stem), occurs in the index."""
        return word in STOP_WORDS or stem(word) in self.stems

    def closest(self, word):
        matches = difflib.get_close_matches(word, self.words, n=1, cutoff=0.75)
        return matches[0] if matches else None


class DatabaseEngine(EngineBase):
    """The shared half of the database engines; a subclass per database fills in the parts marked below."""

    name = "database"
    vendor = ""

    # Writing -----------------------------------------------------------------------------

    def index(self, items, page_ids, object_keys=()):
        """Replace the documents of `page_ids` and `object_keys` with `items` ((document, PDF text) pairs)."""
        with transaction.atomic():
            self._delete(page_ids, object_keys)
            self._insert(items)
            bump_index_version()

    def remove(self, page_ids, object_keys=()):
        with transaction.atomic():
            self._delete(page_ids, object_keys)
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
            yield lambda items: self._insert(items, fresh=True)
            with connection.cursor() as cursor:
                self.refresh_statistics(cursor)
            bump_index_version()

    def count(self):
        return IndexEntry.objects.count()

    def vacuum(self):
        """After a rebuild, outside a transaction: what the database does to tidy up (nothing by default)."""

    def _clear(self):
        IndexFacet.objects.all()._raw_delete(IndexFacet.objects.db)
        IndexEntry.objects.all()._raw_delete(IndexEntry.objects.db)
        with connection.cursor() as cursor:
            self.clear_text(cursor)

    def _delete(self, page_ids, object_keys=()):
        page_ids = list(page_ids)
        for start in range(0, len(page_ids), BATCH_SIZE):
            chunk = page_ids[start : start + BATCH_SIZE]
            IndexFacet.objects.filter(entry__page_id__in=chunk)._raw_delete(IndexFacet.objects.db)
            IndexEntry.objects.filter(page_id__in=chunk)._raw_delete(IndexEntry.objects.db)  # trigger: FTS rows
        for key in object_keys:
            # An object's documents: its key, and its parts' keys ("<key>:<part>").
            owned = IndexEntry.objects.filter(Q(key=key) | Q(key__startswith=f"{key}:"))
            IndexFacet.objects.filter(entry__in=owned)._raw_delete(IndexFacet.objects.db)
            owned._raw_delete(IndexEntry.objects.db)

    def _insert(self, items, fresh=False):
        """Write entries, their facet rows and their text, in chunks of plain multi-row INSERTs.

        No model instances are built: the rows go to the database as parameters (an ORM
        `bulk_create` spent more time building and compiling than the database spent writing).
        `fresh` (a rebuild into an emptied index) skips looking for older versions of the keys.
        """
        items = list(items)
        ops = connection.ops
        now = ops.adapt_datetimefield_value(timezone.now())
        extra = self.entry_columns()
        columns = ENTRY_COLUMNS + tuple(name for name, _placeholder in extra)
        placeholders = ", ".join(["%s"] * len(ENTRY_COLUMNS) + [placeholder for _name, placeholder in extra])
        insert_entry = f"INSERT INTO search_indexentry ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
        with connection.cursor() as cursor:
            for start in range(0, len(items), BATCH_SIZE):
                chunk = items[start : start + BATCH_SIZE]
                # A key indexed twice in one batch (a page listed twice) keeps its last version.
                unique = list({document.key: (document, text) for document, text in chunk}.values())
                keys = [document.key for document, _text in unique]
                # A page's documents are indexed together: a document heads a group when parts name it.
                heads = {document.group for document, _text in unique if document.group}
                if not fresh:
                    existing = IndexEntry.objects.filter(key__in=keys)
                    IndexFacet.objects.filter(entry__in=existing)._raw_delete(IndexFacet.objects.db)
                    existing._raw_delete(IndexEntry.objects.db)  # the SQLite trigger drops FTS rows
                rows, entries = [], []
                for document, text in unique:
                    entry = EntryText(
                        key=document.key,
                        title=document.title[:500],
                        summary=document.summary or "",
                        body=(document.body or "")[:MAX_BODY_CHARS],
                        attachments=(text or "")[:MAX_ATTACHMENT_CHARS],
                        theme_text=getattr(document, "theme_text", "") or "",
                        facets=[(name, value[:120]) for name, value in facet_values(document)],
                    )
                    entries.append(entry)
                    rows.append(
                        (
                            document.key,
                            document.group or (document.key if document.key in heads else None),
                            document.page_id,
                            str(document.kind),
                            entry.title,
                            document.url[:1000],
                            entry.summary,
                            entry.body,
                            entry.attachments,
                            entry.theme_text,
                            ops.adapt_datefield_value(document.date),
                            now,
                            *self.entry_values(entry),
                        )
                    )
                cursor.executemany(insert_entry, rows)
                marks = ", ".join(["%s"] * len(keys))
                cursor.execute(f"SELECT key, id FROM search_indexentry WHERE key IN ({marks})", keys)  # noqa: S608
                ids = dict(cursor.fetchall())
                for entry in entries:
                    entry.pk = ids[entry.key]
                cursor.executemany(
                    "INSERT INTO search_indexfacet (entry_id, name, value) VALUES (%s, %s, %s)",
                    [(entry.pk, name, value) for entry in entries for name, value in entry.facets],
                )
                self.store_text(cursor, entries)

    # Parts each database fills in ----------------------------------------------------------

    def clear_text(self, cursor):
        """Empty what the database keeps beside the entries for text search."""

    def entry_columns(self):
        """Extra (column, placeholder) pairs this database writes with each entry (PostgreSQL: its vectors)."""
        return ()

    def entry_values(self, entry):
        """The values of `entry_columns()` for one entry (an `EntryText`)."""
        return ()

    def store_text(self, cursor, entries):
        """Write what the database keeps beside these freshly inserted entries (`EntryText`s with their pk)."""

    def refresh_statistics(self, cursor):
        """Give the query planner fresh statistics after a bulk load."""

    def matched(self, request):
        """The body of the `matched` CTE (id, date, rank, ...) for the request, or None to read the entries table."""
        raise NotImplementedError

    def facet_filter(self, name, values):
        """The condition on `m` that keeps rows with any of `values` in facet `name`."""
        raise NotImplementedError

    def facet_counts(self, source, names, where):
        """A SELECT of (part, name, value, count) rows for facets `names` over `source m` rows passing `where`."""
        raise NotImplementedError

    def prepare(self, cursor, request):
        """Settings for the search statement, run in its transaction just before it."""

    # Searching ---------------------------------------------------------------------------

    def search(self, request):
        """Count, one page of hits and every facet's counts, in one statement.

        The text match runs once, into a materialised `matched` set; the count, the page of hits
        and the facet GROUP BYs all read from it. A page beyond the last is answered with the last.
        """
        request = with_synonyms(request)
        rows = self._run(request, request.page)
        page = min(request.page, last_page(rows["total"], request.per_page))
        if page != request.page:
            rows = self._run(request, page)
        total = rows["total"]
        query = request.query
        hits = self._hits(rows["groups"], rows["members"], query)
        suggestion = "" if total or query.is_empty else self.suggest(query, version=rows["version"])
        return SearchResults(
            total=total,
            hits=hits,
            facets=rows["facets"],
            page=page,
            per_page=request.per_page,
            suggestion=suggestion,
            engine=self.name,
        )

    def statement(self, request, page):
        """The search statement and which facets it leaves to the cached counts over everything.

        Every count is of groups (a plan and its actions are one); the page of hits is a page of
        groups, each ranked by its best entry and dated by its own document (else its newest), and
        the member rows list which entries of those groups matched.
        """
        filters = request.filters
        matched = self.matched(request)
        source = "matched" if matched else "search_indexentry"  # browsing: the table, where statistics are
        where = Sql.join([self.facet_filter(name, filters[name]) for name in FACETS if filters.get(name)], " AND ")
        where = where if where.text else Sql("1 = 1")

        ranked = request.sort == "relevance" and not request.query.is_empty
        order = "g.date DESC NULLS LAST, g.id DESC"
        if ranked:
            order = "g.rank DESC, " + order
        lead_date = "m.lead_date" if matched else "CASE WHEN m.key = m.group_key THEN m.date END"
        rank = "m.rank" if ranked else "0"
        # Entries without a group are results as they are; only grouped entries are aggregated.
        results = (
            Sql(
                f"SELECT CAST(m.id AS VARCHAR(20)) AS result, {rank} AS rank, m.date, m.id FROM {source} m "  # noqa: S608
                "WHERE m.group_key IS NULL AND "
            )
            + where
            + Sql(
                f" UNION ALL SELECT m.group_key, {'MAX(m.rank)' if ranked else '0'}, "  # noqa: S608
                f"COALESCE(MAX({lead_date}), MAX(m.date)), MAX(m.id) FROM {source} m "
                "WHERE m.group_key IS NOT NULL AND "
            )
            + where
            + Sql(" GROUP BY m.group_key")
        )
        page_groups = (
            Sql(f"page_groups AS (SELECT g.result, ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM (")  # noqa: S608
            + results
            + Sql(f") g ORDER BY {order} LIMIT %s OFFSET %s)", (request.per_page, (page - 1) * request.per_page))
        )
        member_order = "m.rank DESC, m.id" if ranked else "m.id"
        parts = [
            Sql(
                f"SELECT {PART_TOTAL} AS part, NULL AS name, NULL AS value, {COUNT_RESULTS} AS n "  # noqa: S608
                f"FROM {source} m WHERE "
            )
            + where,
            Sql(f"SELECT {PART_HIT} AS part, NULL AS name, p.result AS value, p.n FROM page_groups p"),  # noqa: S608
            Sql(
                f"SELECT {PART_VERSION} AS part, NULL AS name, NULL AS value, version AS n "  # noqa: S608
                "FROM search_indexstate WHERE id = 1"
            ),
        ]
        if not request.query.is_empty or filters:
            # Which entries of the page's groups matched (the actions listed under their plan).
            parts.append(
                Sql(
                    f"SELECT {PART_MEMBER} AS part, m.group_key AS name, CAST(m.id AS VARCHAR(20)) AS value, "  # noqa: S608
                    f"ROW_NUMBER() OVER (ORDER BY {member_order}) AS n FROM {source} m "
                    "WHERE m.group_key IN (SELECT result FROM page_groups) AND "
                )
                + where
            )

        # Facets whose counts use the same other facets' filters share one GROUP BY; with no words
        # and no other filters that is the whole index, whose counts are cached.
        facet_groups: dict[tuple, list[str]] = {}
        for name in FACETS:
            applied = tuple((other, tuple(filters[other])) for other in FACETS if other != name and filters.get(other))
            facet_groups.setdefault(applied, []).append(name)
        cached = facet_groups.pop((), []) if request.query.is_empty else []
        for applied, names in facet_groups.items():
            group_where = Sql.join([self.facet_filter(name, list(values)) for name, values in applied], " AND ")
            parts.append(self.facet_counts(source, names, group_where if group_where.text else Sql("1 = 1")))

        sql = Sql.join(parts, " UNION ALL ")
        ctes = [Sql("matched AS ") + matched] if matched else []
        sql = Sql("WITH ") + Sql.join([*ctes, page_groups], ", ") + Sql(" ") + sql
        return sql, cached

    def _run(self, request, page):
        sql, cached = self.statement(request, page)
        result = {"total": 0, "groups": [], "members": {}, "facets": {name: {} for name in FACETS}, "version": 0}
        hit_rows, member_rows = [], []
        with transaction.atomic(), connection.cursor() as cursor:
            self.prepare(cursor, request)
            cursor.execute(sql.text, sql.params)
            for part, name, value, number in cursor.fetchall():
                if part == PART_TOTAL:
                    result["total"] = number
                elif part == PART_HIT:
                    hit_rows.append((number, value))
                elif part == PART_MEMBER:
                    member_rows.append((number, name, int(value)))
                elif part == PART_VERSION:
                    result["version"] = number
                else:
                    result["facets"][name][value] = number
        result["groups"] = [group for _position, group in sorted(hit_rows)]
        for _position, group, pk in sorted(member_rows):
            result["members"].setdefault(group, []).append(pk)
        if cached:
            result["facets"].update(self.all_facet_counts(cached, result["version"]))
        return result

    def all_facet_counts(self, names, version):
        """Facet counts over the whole index: the same for every visitor until the index changes."""
        key = FACETS_CACHE_KEY.format(version=version, names=",".join(names))
        counts = cache_get(key)
        if counts is None:
            counts = {name: {} for name in names}
            rows = (
                IndexFacet.objects.filter(name__in=names)
                .values_list("name", "value")
                .annotate(
                    alone=Count("id", filter=Q(entry__group_key__isnull=True)),
                    groups=Count("entry__group_key", distinct=True),
                )
                .order_by()
            )
            for name, value, alone, groups in rows:
                counts[name][value] = alone + groups
            cache_set(key, counts, CACHE_SECONDS)
        return counts

    def _hits(self, results, members, query):
        """One hit per result: an entry without a group (its id), or a group (its key) shown as its own
        document (the plan) with the matching members (its actions) as matches."""
        if not results:
            return []
        alone = [int(result) for result in results if result.isdigit()]
        groups = [result for result in results if not result.isdigit()]
        member_ids = {pk for pks in members.values() for pk in pks}
        live = Q(page__isnull=True) | Q(page__live=True)
        entries = list(
            IndexEntry.objects.filter(live & (Q(key__in=groups) | Q(pk__in=[*alone, *member_ids]))).prefetch_related(
                "facets"
            )
        )
        by_key = {entry.key: entry for entry in entries}
        by_id = {entry.pk: entry for entry in entries}
        stems = query.stems
        hits = []
        for result in results:
            if result.isdigit():
                entry, found = by_id.get(int(result)), []
            else:
                found = [by_id[pk] for pk in members.get(result, []) if pk in by_id]
                entry = by_key.get(result) or (found[0] if found else None)
            if entry is None:
                continue
            values = {}
            for facet in entry.facets.all():
                values.setdefault(facet.name, []).append(facet.value)
            matches = [
                Match(
                    title=member.title,
                    url=member.url,
                    kind=member.kind,
                    title_html=highlight(member.title, stems),
                )
                for member in found
                if member.key != entry.key
            ]
            hits.append(
                Hit(
                    key=entry.key,
                    page_id=entry.page_id,
                    title=entry.title,
                    kind=entry.kind,
                    url=entry.url,
                    date=entry.date,
                    title_html=highlight(entry.title, stems),
                    snippet_html=snippet([entry.summary, entry.body, entry.attachments], stems),
                    municipalities=[int(code) for code in values.get("municipality", []) if code.isdigit()],
                    themes=values.get("theme", []),
                    matches=matches,
                )
            )
        return hits

    # Did you mean -------------------------------------------------------------------------

    def suggest(self, query, version=None):
        """A respelled query when some of its words are unknown, from the words in titles and summaries."""
        vocabulary = self.vocabulary(index_version() if version is None else version)
        if not vocabulary.words:
            return ""
        changed, suggested = False, []
        for word in query.all_words:
            closest = None if vocabulary.knows(word) else vocabulary.closest(word)
            if closest:
                changed = True
            suggested.append(closest or word)
        return " ".join(suggested) if changed else ""

    def vocabulary(self, version):
        key = VOCABULARY_CACHE_KEY.format(version=version)
        vocabulary = cache_get(key)
        if vocabulary is None:
            counter = Counter()
            rows = IndexEntry.objects.order_by("-id").values_list("title", "summary")[:VOCABULARY_SIZE]
            for title, summary in rows.iterator(chunk_size=2000):
                counter.update(
                    word for word in WORD.findall(f"{title} {summary}".lower()) if len(word) > 3 and not word.isdigit()
                )
            vocabulary = SpellingVocabulary.from_words(word for word, _n in counter.most_common(VOCABULARY_SIZE))
            cache_set(key, vocabulary, CACHE_SECONDS)
        return vocabulary
