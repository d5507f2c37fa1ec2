"""Organisations and people now belong to the directory app (directory/migrations/0001_initial.py).

Runs after the apps that point at them have been told so; it only drops the models from cms's state.
The tables are renamed by directory/migrations/0002_tables_from_cms.py.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_hero_image_mixin"),
        ("directory", "0001_initial"),
        ("strategies", "0003_directory_foreign_keys"),
        ("cases", "0003_directory_foreign_keys"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Person"),
                migrations.DeleteModel(name="Organisation"),
            ],
        ),
    ]
