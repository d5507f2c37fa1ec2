"""Search by the terms of search.analysis on both databases, themes' text, and editors' synonym groups.

PostgreSQL: the generated vectors (built with the `danish` configuration) become plain `tsvector`
columns the engine writes from the terms Python computes, so PostgreSQL and SQLite index the same
terms. SQLite: adding `theme_text` makes Django rebuild the entries table, which drops the FTS
delete trigger of 0002; it is created again here. Run `search_index rebuild` after migrating: the
index is refilled with the new terms.

The synonym groups start with the list the Elasticsearch engine had built in.
"""

from django.db import migrations, models

POSTGRES_FORWARD = [
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS rank_vector",
    "ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''",
    "ALTER TABLE search_indexentry ADD COLUMN rank_vector tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_indexentry_vector ON search_indexentry USING GIN (search_vector)",
    "ALTER TABLE search_indexentry ALTER COLUMN rank_vector SET STORAGE MAIN",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS rank_vector",
    """
    ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('danish'::regconfig, coalesce(body, '') || ' ' || coalesce(attachments, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX search_indexentry_vector ON search_indexentry USING GIN (search_vector)",
    """
    ALTER TABLE search_indexentry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B')
    ) STORED
    """,
    "ALTER TABLE search_indexentry ALTER COLUMN rank_vector SET STORAGE MAIN",
]
SQLITE_TRIGGER = [
    "DROP TRIGGER IF EXISTS search_indexentry_fts_delete",
    """
    CREATE TRIGGER search_indexentry_fts_delete AFTER DELETE ON search_indexentry
    BEGIN DELETE FROM search_fts WHERE rowid = old.id; END
    """,
]

# The Elasticsearch engine's former built-in list (search/engines/elastic.py, THEME_SYNONYMS), with
# "dannelse" and "natur" left out (a search for either would otherwise find every document with the
# theme), "genanvendelse" added to the circular group, and two groups for words visitors type.
INITIAL_GROUPS = [
    "grønt medborgerskab, medborgerskab, borgerinddragelse",
    "grøn dannelse, klimadannelse",
    "tværgående samarbejde, samarbejde på tværs",
    "samskabelse, samproduktion, co-creation",
    "klimavenlig drift, grøn drift, energibesparelse",
    "natur og biodiversitet, biodiversitet",
    "cirkulær omstilling, cirkulær økonomi, cirkularitet, genbrug, genanvendelse",
    "bæredygtig omstilling, grøn omstilling",
    "solenergi, solceller, solcelleanlæg",
    "bæredygtighed, bæredygtig, klimavenlig",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for words in INITIAL_GROUPS:
        SynonymGroup.objects.get_or_create(words=words)


def remove_groups(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(words__in=INITIAL_GROUPS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_kind_values_and_index_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='SynonymGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('words', models.TextField(help_text='Ord eller udtryk, der betyder det samme, adskilt af komma eller linjeskift, fx »genbrug, genanvendelse, cirkulær økonomi«. En søgning på ét af ordene finder også de andre.', verbose_name='ord')),
                ('note', models.CharField(blank=True, help_text='Til redaktionen; vises ikke.', max_length=200, verbose_name='note')),
            ],
            options={
                'verbose_name': 'synonymgruppe',
                'verbose_name_plural': 'synonymgrupper',
                'ordering': ['id'],
            },
        ),
        migrations.AddField(
            model_name='indexentry',
            name='theme_text',
            field=models.TextField(blank=True, verbose_name='temaernes navne og beskrivelser'),
        ),
        migrations.AlterField(
            model_name="indexentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("strategy", "Strategi"),
                    ("action-plan", "Handlingsplan"),
                    ("action", "Handling"),
                    ("case", "Case"),
                    ("workshop", "Workshopresultat"),
                    ("meeting", "Netværksmøde"),
                    ("conference", "Konference"),
                    ("municipality", "Medlemskommune"),
                    ("theme", "Tema"),
                    ("page", "Side"),
                ],
                max_length=40,
                verbose_name="indholdstype",
            ),
        ),
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_TRIGGER}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_TRIGGER}),
        ),
        migrations.RunPython(add_groups, remove_groups),
    ]
