from django.core.management.base import BaseCommand

from cases.models import ConferencePage, MeetingPage, Talk, rebuild_talks


class Command(BaseCommand):
    help = (
        "Rebuild the table of who speaks where from the published programmes of all meetings and "
        "conferences (publishing keeps it up to date; use this after importing data)."
    )

    def handle(self, *args, **options):
        Talk.objects.filter(page__live=False).delete()
        pages = 0
        for model in (MeetingPage, ConferencePage):
            for page in model.objects.live():
                rebuild_talks(page)
                pages += 1
        self.stdout.write(f"{Talk.objects.count()} programpunkter fra {pages} sider.")
