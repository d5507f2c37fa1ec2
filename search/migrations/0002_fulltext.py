"""The full-text half of the database index, which differs by database.

PostgreSQL: a `tsvector` column generated from the entry's fields with the `danish` configuration,
weighted A (title), B (summary), C (body and PDF text), under a GIN index, and a small
`rank_vector` of title and summary that ranking reads.
SQLite: an FTS5 table holding the Danish stems of the same fields (rowid = entry id; the search
engine writes it) and a trigger that removes a row when its entry is deleted, also by cascade.
Note: a later migration that makes Django rebuild `search_indexentry` on SQLite drops the trigger;
recreate it there (`search_index rebuild` refills the FTS table).
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """
    ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('danish'::regconfig, coalesce(body, '') || ' ' || coalesce(attachments, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX search_indexentry_vector ON search_indexentry USING GIN (search_vector)",
    # A small vector of title and summary only, read for ranking: it stays inside the row, so
    # ranking thousands of matches never has to unpack the large body vectors.
    """
    ALTER TABLE search_indexentry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
    ) STORED
    """,
    # Each entry's facet values as "name=value" strings (filled by the engine), so facet counts
    # and filters read the entry row instead of joining the facet table.
    "ALTER TABLE search_indexentry ADD COLUMN facet_keys text[] NOT NULL DEFAULT '{}'",
    "CREATE INDEX search_indexentry_facets ON search_indexentry USING GIN (facet_keys)",
    # Keep rows narrow: long text (body, PDF text, the big vector) goes to TOAST storage, while
    # what every search reads (rank vector, facet keys, title, date) stays in the row.
    "ALTER TABLE search_indexentry SET (toast_tuple_target = 256)",
    "ALTER TABLE search_indexentry ALTER COLUMN rank_vector SET STORAGE MAIN",
    "ALTER TABLE search_indexentry ALTER COLUMN facet_keys SET STORAGE MAIN",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE search_indexentry RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS search_indexentry_facets",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS facet_keys",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS rank_vector",
    "DROP INDEX IF EXISTS search_indexentry_vector",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 0')",
    """
    CREATE TRIGGER search_indexentry_fts_delete AFTER DELETE ON search_indexentry
    BEGIN DELETE FROM search_fts WHERE rowid = old.id; END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_fts_delete",
    "DROP TABLE IF EXISTS search_fts",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
