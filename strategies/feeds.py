"""RSS and Atom feeds of new strategies and action plans, for everyone and per municipality."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.models import Page

from cms.feeds import PageFeed

from .models import ActionPlanPage, MunicipalityIndexPage, MunicipalityPage, StrategyPage


class StrategyFeed(PageFeed):
    """New strategies and action plans from every member municipality."""

    title = gettext_lazy("Grønne partnerskaber: nye strategier og handlingsplaner")
    description = gettext_lazy("Medlemskommunernes strategier og handlingsplaner for grøn kultur.")

    def link(self):
        index = MunicipalityIndexPage.objects.live().public().first()
        return index.url if index else "/"

    def pages(self, obj):
        return Page.objects.type(StrategyPage, ActionPlanPage)


class MunicipalityFeed(PageFeed):
    """Everything new from one member municipality: its strategies and plans, and cases it takes part in."""

    def get_object(self, request, slug):
        return get_object_or_404(MunicipalityPage.objects.live().public(), slug=slug)

    def title(self, obj):
        return _("Grønne partnerskaber: %(municipality)s") % {"municipality": obj.title}

    def description(self, obj):
        return _("Nye strategier, handlingsplaner og cases fra %(municipality)s.") % {"municipality": obj.title}

    def link(self, obj):
        return obj.url

    def pages(self, obj):
        """The municipality's own pages, and pages other apps add with the `municipality_feed_pages` hook.

        Each hook function takes the `cms.Municipality` and returns a queryset of page ids (cases adds the
        cases the municipality takes part in).
        """
        condition = Q(path__startswith=obj.path, depth__gt=obj.depth)
        for hook in hooks.get_hooks("municipality_feed_pages"):
            condition |= Q(pk__in=hook(obj.municipality))
        return Page.objects.filter(condition)
