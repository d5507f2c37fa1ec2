"""The database engine on PostgreSQL: full-text search over the terms of search.analysis.

Each entry carries a weighted `search_vector` (GIN-indexed), a small `rank_vector` (title and
summary) that ranking reads, and its facet values as a `facet_keys` text array (GIN-indexed), so
filters are array overlaps and counts unnest the matched rows instead of joining the facet table
(see migrations/0002_fulltext.py and 0004). The vectors are written by this engine from the terms
Python computed (no PostgreSQL text search configuration touches them), and queries are `tsquery`
values built from the query's terms, so PostgreSQL matches exactly what SQLite matches.
"""

from collections import defaultdict

from django.db import connection

from search.analysis import analyse

from .base import FACETS, NOT_PAGE_WEIGHT
from .database import COUNT_RESULTS, MATCHED_COLUMNS, PART_FACET, DatabaseEngine, Sql


def _keys(name, values):
    return [f"{name}={value}" for value in values]


class PostgresEngine(DatabaseEngine):
    vendor = "postgresql"

    def entry_columns(self):
        # The vectors from the analysed terms and the facet array, written with the entry itself.
        return (("search_vector", "%s::tsvector"), ("rank_vector", "%s::tsvector"), ("facet_keys", "%s::text[]"))

    def entry_values(self, entry):
        return (*entry_vectors(entry), [f"{name}={value}" for name, value in entry.facets])

    def refresh_statistics(self, cursor):
        cursor.execute("ANALYZE search_indexentry")
        cursor.execute("ANALYZE search_indexfacet")

    def vacuum(self):
        """Let PostgreSQL mark the freshly written pages visible (what autovacuum does later anyway).

        Only outside a transaction, where VACUUM may run.
        """
        if not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE search_indexentry, search_indexfacet")

    def matched(self, request):
        query = request.query
        if query.is_empty:
            return self._filtered_browse(request.filters) if request.filters else None
        text = tsquery_text(query)
        if not text:
            return Sql(
                f"MATERIALIZED (SELECT {MATCHED_COLUMNS}, 0 AS rank, e.facet_keys FROM search_indexentry e WHERE false)"  # noqa: S608
            )
        tsquery = Sql("%s::tsquery", (text,))
        # Rank by title (A) and summary (B); matches only in the body or PDFs rank after them.
        rank = Sql("0")
        if request.sort == "relevance":
            weight = f" * (CASE WHEN e.page_id IS NULL THEN {NOT_PAGE_WEIGHT} ELSE 1 END)"
            rank = Sql("ts_rank(e.rank_vector, ") + tsquery + Sql(")" + weight)
        return (
            Sql(f"MATERIALIZED (SELECT {MATCHED_COLUMNS}, ")  # noqa: S608
            + rank
            + Sql(" AS rank, e.facet_keys FROM search_indexentry e WHERE e.search_vector @@ (")
            + tsquery
            + Sql("))")
        )

    def _filtered_browse(self, filters):
        """Browsing with facet filters: the rows any facet's counts need, read once.

        Each facet's counts apply every filter but its own, so the rows needed are those that
        pass all filters but at most one.
        """
        conditions = [
            Sql("CASE WHEN e.facet_keys && %s::text[] THEN 1 ELSE 0 END", (_keys(name, filters[name]),))
            for name in FACETS
            if filters.get(name)
        ]
        needed = max(len(conditions) - 1, 1)
        return (
            Sql(f"MATERIALIZED (SELECT {MATCHED_COLUMNS}, 0 AS rank, e.facet_keys FROM search_indexentry e WHERE (")  # noqa: S608
            + Sql.join(conditions, " + ")
            + Sql(f") >= {needed})")
        )

    def facet_filter(self, name, values):
        return Sql("m.facet_keys && %s::text[]", (_keys(name, values),))

    def facet_counts(self, source, names, where):
        # The row's own facet_keys array: no join with the facet table.
        placeholders = ", ".join(["%s"] * len(names))
        return (
            Sql(
                f"SELECT {PART_FACET} AS part, split_part(k, '=', 1) AS name, substr(k, strpos(k, '=') + 1) AS value, "  # noqa: S608
                f"{COUNT_RESULTS} AS n FROM {source} m CROSS JOIN LATERAL unnest(m.facet_keys) AS k "
                f"WHERE split_part(k, '=', 1) IN ({placeholders}) AND ",
                tuple(names),
            )
            + where
            + Sql(" GROUP BY k")
        )

    def prepare(self, cursor, request):
        if not request.query.is_empty:
            # Find the matches through the GIN index even when many documents match: a
            # sequential scan would unpack every document's large body vector.
            cursor.execute("SET LOCAL enable_seqscan = off")


# Vectors and queries ---------------------------------------------------------------------------

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS_PER_TERM = 256  # as to_tsvector keeps


def _lexeme(term):
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_text(fields):
    """A tsvector literal of (text, weight) fields: each field's words in order, then its compound parts."""
    return _vector([(analyse(text), weight) for text, weight in fields])


def _vector(analysed):
    """A tsvector literal of (Analysed, weight) pairs."""
    positions = defaultdict(list)
    position = 0
    for terms, weight in [(a.words, w) for a, w in analysed] + [(a.parts, w) for a, w in analysed]:
        for term in terms:
            position = min(position + 1, MAX_POSITION)
            places = positions[term]
            if len(places) < MAX_POSITIONS_PER_TERM:
                places.append(f"{position}{weight}")
    return " ".join(f"{_lexeme(term)}:{','.join(places)}" for term, places in positions.items())


def entry_vectors(entry):
    """The (search vector, rank vector) literals of an index entry: title A, summary B, the rest C.

    Theme names and descriptions are shared by every document with the theme: they are in C, so they
    make the document findable without ranking it as its own summary would.

    Title and summary are analysed once for both vectors.
    """
    title = (analyse(entry.title), "A")
    summary = (analyse(entry.summary), "B")
    body = (analyse(entry.theme_text + " " + entry.body + " " + entry.attachments), "C")
    return _vector([title, summary, body]), _vector([title, summary])


def tsquery_text(query):
    """The query as tsquery text: every word by one of its alternatives, every phrase as a phrase."""
    clauses = []
    for alternatives in query.alternatives():
        ways = []
        for alternative in alternatives:
            joiner = " <-> " if alternative.phrase else " & "
            way = joiner.join(_lexeme(term) for term in alternative.terms)
            ways.append(f"( {way} )" if len(alternative.terms) > 1 else way)
        clauses.append(ways[0] if len(ways) == 1 else "( " + " | ".join(ways) + " )")
    for terms in query.phrase_terms():
        clauses.append("( " + " <-> ".join(_lexeme(term) for term in terms) + " )")
    excluded = query.excluded_terms()
    if clauses and excluded:
        clauses.append("!( " + " | ".join(_lexeme(term) for term in excluded) + " )")
    return " & ".join(clauses)
