"""RSS and Atom feeds of new cases and workshop outputs."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.feeds import PageFeed

from .models import CasePage, MeetingIndexPage, WorkshopOutputPage


class CaseFeed(PageFeed):
    """New cases and workshop outputs from the network's meetings."""

    title = _("Grønne partnerskaber: nye cases og workshopresultater")
    description = _("Cases og resultater fra workshops på netværkets møder.")

    def link(self):
        index = MeetingIndexPage.objects.live().public().first()
        return index.url if index else "/"

    def pages(self, obj):
        return Page.objects.type(CasePage, WorkshopOutputPage)
