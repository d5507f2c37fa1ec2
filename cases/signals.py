"""Keep the table of who speaks where in step with published programmes (imported by CasesConfig.ready)."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import ConferencePage, MeetingPage, rebuild_talks, remove_talks

PROGRAMME_PAGES = (MeetingPage, ConferencePage)


@receiver(page_published, dispatch_uid="cases_talks_published")
def programme_published(sender, instance, **kwargs):
    if isinstance(instance, PROGRAMME_PAGES):
        rebuild_talks(instance)


@receiver(page_unpublished, dispatch_uid="cases_talks_unpublished")
def programme_unpublished(sender, instance, **kwargs):
    if isinstance(instance, PROGRAMME_PAGES):
        remove_talks(instance)
