"""wagtail.contrib.forms is no longer installed (the site has no form pages): drop what it left behind.

Its table is dropped only when it is empty, so no submission is ever lost; its content types (and their
permissions) go with it.
"""

from django.db import migrations

TABLE = "wagtailforms_formsubmission"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if TABLE in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {schema_editor.quote_name(TABLE)}")
            if cursor.fetchone()[0] == 0:
                cursor.execute(f"DROP TABLE {schema_editor.quote_name(TABLE)}")
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="wagtailforms").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_directory_moved_out"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
