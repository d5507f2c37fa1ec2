"""Keep the table of who speaks where in step with published programmes."""

from .models import ConferencePage, MeetingPage, rebuild_talks, remove_talks

PROGRAMME_PAGES = (MeetingPage, ConferencePage)


def page_published(sender, instance, **kwargs):
    if isinstance(instance, PROGRAMME_PAGES):
        rebuild_talks(instance)


def page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, PROGRAMME_PAGES):
        remove_talks(instance)
