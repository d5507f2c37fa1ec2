"""Remove Wagtail's default groups "Editors" and "Moderators".

Wagtail creates them with rights on the whole page tree and every collection. This site gives
rights per municipality (and to "KL-redaktører"); a municipal editor added to one of the default
groups by mistake would be able to edit and publish everything.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
