import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from participation.alerts import send_digests


class Command(BaseCommand):
    help = (
        "Send the e-mail digests that are due: daily subscriptions about once a day, weekly ones about once "
        "a week, each with what was first published since the last one. Run it once a day (see "
        "docs/participation.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Pretend it is this time (ISO 8601, e.g. 2027-02-01T07:00+01:00).")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be sent; send nothing.")

    def handle(self, *args, **options):
        now = timezone.now()
        if options["now"]:
            now = parse_datetime(options["now"])
            if now is None:
                raise CommandError(f"--now: {options['now']!r} is not an ISO 8601 time.")
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        sent, checked = send_digests(now=now.astimezone(datetime.UTC), dry_run=options["dry_run"])
        verb = "would send" if options["dry_run"] else "sent"
        self.stdout.write(f"{checked} subscriptions due, {verb} {sent} digests.")
