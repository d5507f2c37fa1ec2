"""The database engine on SQLite: an FTS5 table of the analysed terms, ranked with bm25.

Terms are computed by search.analysis (the same as PostgreSQL's index holds); a trigger drops an
entry's FTS row when the entry is deleted (see migrations/0002_fulltext.py).
"""

from search.analysis import analysed_text

from .base import NOT_PAGE_WEIGHT
from .database import COUNT_RESULTS, MATCHED_COLUMNS, PART_FACET, DatabaseEngine, Sql


class SqliteEngine(DatabaseEngine):
    vendor = "sqlite"

    def clear_text(self, cursor):
        cursor.execute("DELETE FROM search_fts")

    def store_text(self, cursor, entries):
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [
                (
                    entry.pk,
                    analysed_text(entry.title),
                    analysed_text(entry.summary),
                    # Theme names and descriptions are shared by every document with the theme: they make
                    # it findable, but rank like its body, not like its own summary.
                    analysed_text(entry.theme_text + " " + entry.body + " " + entry.attachments),
                )
                for entry in entries
            ],
        )

    def refresh_statistics(self, cursor):
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE search_indexentry")
        cursor.execute("ANALYZE search_indexfacet")

    def matched(self, request):
        query = request.query
        if query.is_empty:
            return None
        # Every word must match one of its alternatives (itself, all its compound parts, a
        # synonym); phrases are FTS5 phrases of terms. Terms are word characters only, and
        # quoting each one keeps FTS5's own syntax out of reach.
        clauses = []
        for alternatives in query.alternatives():
            ways = []
            for alternative in alternatives:
                quoted = [f'"{term}"' for term in alternative.terms]
                if alternative.phrase:
                    ways.append('"' + " ".join(alternative.terms) + '"')
                else:
                    ways.append(quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")")
            clauses.append(ways[0] if len(ways) == 1 else "(" + " OR ".join(ways) + ")")
        for terms in query.phrase_terms():
            clauses.append('"' + " ".join(terms) + '"')
        match = " AND ".join(clauses)
        excluded = [f'"{term}"' for term in query.excluded_terms()]
        if excluded:
            match = f"({match}) NOT ({' OR '.join(excluded)})"
        if not clauses:
            return Sql(f"MATERIALIZED (SELECT {MATCHED_COLUMNS}, 0 AS rank FROM search_indexentry e WHERE 0)")  # noqa: S608
        # bm25 is lower for better matches; weights: title 10, summary 4, body 1.
        rank = "0"
        if request.sort == "relevance":
            weight = f"(CASE WHEN e.page_id IS NULL THEN {NOT_PAGE_WEIGHT} ELSE 1 END)"
            rank = f"-bm25(search_fts, 10.0, 4.0, 1.0) * {weight}"
        return Sql(
            f"MATERIALIZED (SELECT {MATCHED_COLUMNS}, {rank} AS rank FROM search_fts "  # noqa: S608
            "JOIN search_indexentry e ON e.id = search_fts.rowid WHERE search_fts MATCH %s)",
            (match,),
        )

    def facet_filter(self, name, values):
        placeholders = ", ".join(["%s"] * len(values))
        return Sql(
            f"m.id IN (SELECT f.entry_id FROM search_indexfacet f WHERE f.name = %s AND f.value IN ({placeholders}))",  # noqa: S608
            (name, *values),
        )

    def facet_counts(self, source, names, where):
        placeholders = ", ".join(["%s"] * len(names))
        return (
            Sql(
                f"SELECT {PART_FACET} AS part, fv.name, fv.value, {COUNT_RESULTS} AS n "  # noqa: S608
                # CROSS JOIN makes SQLite read the matches first and look up each one's facets.
                f"FROM {source} m CROSS JOIN search_indexfacet fv ON fv.entry_id = m.id "
                f"WHERE fv.name IN ({placeholders}) AND ",
                tuple(names),
            )
            + where
            + Sql(" GROUP BY fv.name, fv.value")
        )
