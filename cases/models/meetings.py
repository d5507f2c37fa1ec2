"""The meeting index, the network's meetings and the public conference."""

from itertools import groupby

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.models import BasePage, ThemedPageMixin
from search.documents import Kind, page_document

from ..blocks import ConferenceProgrammeBlock, GalleryBlock, ProgrammeBlock
from .events import EventMixin, today
from .knowledge import CasePage, WorkshopOutputPage
from .searching import programme_documents


def attach_meetings(pages):
    """Give pages under meetings their meeting with one query, for listings."""
    parent_paths = {page.path[: -page.steplen] for page in pages}
    meetings = {meeting.path: meeting for meeting in MeetingPage.objects.filter(path__in=parent_paths)}
    for page in pages:
        page._meeting = meetings.get(page.path[: -page.steplen])
    return pages


class MeetingIndexPage(BasePage):
    """The list of the network's meetings at /netvaerksmoeder/: upcoming first, then past ones by year."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))
    membership_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("side om medlemskab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linkes fra mødeoversigten og konferencen, så kommuner kan se, hvordan de bliver medlem."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("membership_page"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cases.MeetingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("mødeoversigt")
        verbose_name_plural = _("mødeoversigter")

    def live_membership_page(self):
        """The membership page, when it is chosen and published."""
        if self.membership_page_id and self.membership_page.live:
            return self.membership_page
        return None

    def meetings(self):
        """The published, public meetings under this page, earliest first."""
        return MeetingPage.objects.child_of(self).live().public().order_by("date", "start_time", "pk")

    def meeting_groups(self, on=None):
        """Upcoming meetings (soonest first) and past ones grouped by year (newest first), seen from `on`."""
        on = on or today()
        meetings = list(self.meetings())
        upcoming = [meeting for meeting in meetings if meeting.is_upcoming(on)]
        past = sorted((m for m in meetings if not m.is_upcoming(on)), key=lambda m: (m.date, m.pk), reverse=True)
        past_years = [(year, list(items)) for year, items in groupby(past, key=lambda m: m.date.year)]
        return upcoming, past_years

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming, past_years = self.meeting_groups()
        context.update(
            upcoming=upcoming,
            past_years=past_years,
            conference=ConferencePage.current(),
            membership_page=self.live_membership_page(),
        )
        return context


class MeetingPage(ThemedPageMixin, EventMixin, BasePage):
    """One network meeting: when and where, the programme, practical information and photos."""

    host_municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("værtskommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("program"))
    practical_info = RichTextField(
        _("praktisk information"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Tilmelding, transport, forplejning, tilgængelighed på stedet."),
    )
    gallery = StreamField(GalleryBlock(), blank=True, verbose_name=_("fotos fra mødet"))

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("intro")]
        + EventMixin.event_panels
        + [
            FieldPanel("host_municipality"),
            FieldPanel("programme"),
            FieldPanel("practical_info"),
            FieldPanel("gallery"),
            FieldPanel("themes"),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("programme"),
        index.SearchField("practical_info"),
        index.SearchField("city"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cases.MeetingIndexPage"]
    subpage_types = ["cases.CasePage", "cases.WorkshopOutputPage"]

    class Meta:
        verbose_name = _("netværksmøde")
        verbose_name_plural = _("netværksmøder")

    def outputs(self):
        """The meeting's published cases and workshop outputs, in the editor's order."""
        return self.get_children().live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outputs = list(self.outputs())
        context["cases"] = [page for page in outputs if isinstance(page, CasePage)]
        context["workshops"] = [page for page in outputs if isinstance(page, WorkshopOutputPage)]
        context["meeting_index"] = self.get_parent()
        return context

    def search_documents(self):
        body = self.event_text(self.programme)
        municipalities = [self.host_municipality] if self.host_municipality_id else []
        yield page_document(
            self,
            kind=Kind.MEETING,
            body=[body],
            date=self.date,
            municipalities=municipalities,
            documents=programme_documents(self.programme),
        )


class ConferencePage(EventMixin, BasePage):
    """The network's public conference, where member municipalities present strategies and action plans."""

    programme = StreamField(ConferenceProgrammeBlock(), blank=True, verbose_name=_("program"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("om konferencen"))
    practical_info = RichTextField(
        _("praktisk information"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Tilmelding, pris, transport, tilgængelighed på stedet."),
    )

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("intro")]
        + EventMixin.event_panels
        + [FieldPanel("body"), FieldPanel("programme"), FieldPanel("practical_info")]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("programme"),
        index.FilterField("date"),
    ]

    # One page per conference, directly under the home page; the current one has the slug
    # "konference" (see docs/cases.md).
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("konference")
        verbose_name_plural = _("konferencer")

    @classmethod
    def current(cls, on=None):
        """The next conference, or the latest one when none is planned."""
        on = on or today()
        conferences = cls.objects.live().public()
        return conferences.filter(date__gte=on).order_by("date").first() or conferences.order_by("-date").first()

    def presentations(self):
        return [block.value for block in self.programme if block.block_type == "presentation"]

    @property
    def presenting_municipalities(self):
        """The municipalities with a presentation on the programme, alphabetically, each once."""
        found = {}
        for presentation in self.presentations():
            municipality = presentation.get("municipality")
            if municipality is not None:
                found[municipality.pk] = municipality
        return sorted(found.values(), key=lambda m: m.short_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = MeetingIndexPage.objects.live().first()
        context["meeting_index"] = index_page
        context["membership_page"] = index_page.live_membership_page() if index_page else None
        context["other_conferences"] = ConferencePage.objects.live().public().exclude(pk=self.pk).order_by("-date")
        return context

    def search_documents(self):
        body = self.event_text(self.body, self.programme)
        yield page_document(
            self,
            kind=Kind.CONFERENCE,
            body=[body],
            date=self.date,
            municipalities=self.presenting_municipalities,
            documents=programme_documents(self.programme),
        )
