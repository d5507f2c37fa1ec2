"""Rename the tables cms_organisation and cms_person to the directory app's names, and move the content types.

Renaming keeps every row and id, so foreign keys from strategies and cases keep pointing at the same
organisations and people; moving the content types keeps permissions, revisions and log entries with
their objects. It runs after cms has dropped the models from its state (cms 0009), which is after every
migration that created a foreign key to the old tables.
"""

from django.db import migrations

MOVED = ("organisation", "person")


def move(apps, schema_editor, old_app, new_app):
    for model_name in MOVED:
        model = apps.get_model("directory", model_name)
        schema_editor.alter_db_table(model, f"{old_app}_{model_name}", f"{new_app}_{model_name}")
    content_types = apps.get_model("contenttypes", "ContentType")
    for model_name in MOVED:
        old = content_types.objects.filter(app_label=old_app, model=model_name)
        if old.exists():
            # A content type made for the new name before this ran has no objects of its own yet.
            content_types.objects.filter(app_label=new_app, model=model_name).delete()
            old.update(app_label=new_app)
    content_types.objects.clear_cache()


def forwards(apps, schema_editor):
    move(apps, schema_editor, "cms", "directory")


def backwards(apps, schema_editor):
    move(apps, schema_editor, "directory", "cms")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("cms", "0009_directory_moved_out"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
