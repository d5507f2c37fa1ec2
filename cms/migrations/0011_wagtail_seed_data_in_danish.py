"""Wagtail's own migrations seed the database with English names that editors see in the admin: the root
page "Root", the groups "Moderators" and "Editors", and the default workflow and task "Moderators approval".
Renamed in Danish; a name an administrator has already changed is left alone."""

from django.db import migrations

RENAMES = [
    # (app, model, field, English, Danish)
    ("wagtailcore", "Page", "title", "Root", "Alle websteder"),
    ("wagtailcore", "Page", "draft_title", "Root", "Alle websteder"),
    ("auth", "Group", "name", "Moderators", "Moderatorer"),
    ("auth", "Group", "name", "Editors", "Redaktører"),
    ("wagtailcore", "Workflow", "name", "Moderators approval", "Godkendelse hos moderatorer"),
    ("wagtailcore", "Task", "name", "Moderators approval", "Godkendelse hos moderatorer"),
]


def rename(apps, direction):
    for app_label, model_name, field, english, danish in RENAMES:
        model = apps.get_model(app_label, model_name)
        old, new = (english, danish) if direction == "forwards" else (danish, english)
        if model_name == "Group" and model.objects.filter(name=new).exists():
            continue  # a group of that name exists already; names are unique
        filters = {field: old}
        if model_name == "Page":
            filters["depth"] = 1
        model.objects.filter(**filters).update(**{field: new})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0010_remove_wagtail_forms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, "forwards"),
            lambda apps, schema_editor: rename(apps, "backwards"),
        )
    ]
