from django.core.management.base import BaseCommand
from django.db import transaction

from cms.geodata import MUNICIPALITIES_CSV, sync_municipalities
from cms.models import Municipality, Region


class Command(BaseCommand):
    help = "Create or update Denmark's regions and municipalities from cms/data/municipalities.csv."

    def add_arguments(self, parser):
        parser.add_argument("--csv", default=str(MUNICIPALITIES_CSV), help="Another CSV with the same columns.")

    @transaction.atomic
    def handle(self, *args, **options):
        created, updated = sync_municipalities(Region, Municipality, options["csv"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{Municipality.objects.count()} kommuner i {Region.objects.count()} regioner "
                f"({created} oprettet, {updated} opdateret)."
            )
        )
