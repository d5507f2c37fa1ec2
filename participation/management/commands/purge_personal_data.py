from django.core.management.base import BaseCommand

from participation.retention import purge, retention


class Command(BaseCommand):
    help = (
        "Delete personal data whose retention period (settings.PARTICIPATION_RETENTION) is over: registrations "
        "after their event, unconfirmed subscriptions, rejected and old membership sign-ups. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, **options):
        counts = purge(dry_run=options["dry_run"])
        verb = "would delete" if options["dry_run"] else "deleted"
        rules = ", ".join(f"{key}={value}" for key, value in retention().items())
        self.stdout.write(f"Retention: {rules}")
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {verb} {count}")
