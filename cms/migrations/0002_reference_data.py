"""Load the 5 regions, the 98 municipalities and the network's seed themes."""

from django.db import migrations

from cms.geodata import seed_themes, sync_municipalities


def load(apps, schema_editor):
    sync_municipalities(apps.get_model("cms", "Region"), apps.get_model("cms", "Municipality"))
    seed_themes(apps.get_model("cms", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
