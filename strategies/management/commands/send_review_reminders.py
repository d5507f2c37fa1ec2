"""Run once a day: e-mail municipal editors about strategies and action plans due for review."""

from django.core.management.base import BaseCommand

from strategies.reviews import NOTICE_DAYS, send_review_reminders


class Command(BaseCommand):
    help = (
        f"E-mail each municipality's editors about their strategies and action plans whose review date is "
        f"within {NOTICE_DAYS} days or has passed (each reminder once). Run daily."
    )

    def handle(self, *args, **options):
        emails, pages = send_review_reminders()
        self.stdout.write(f"{emails} e-mails about {pages} pages due for review sent.")
