"""What the network learns at its meetings: cases presented there and the outputs of its workshops."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.images import PERSON_CARD_PHOTO, photo_prefetch
from cms.models import BasePage, ThemedPageMixin
from search.documents import Kind, page_document, stream_text
from strategies.models import ActionPlanPage, StrategyPage

from ..blocks import CaseSectionBlock, DocumentsBlock, GalleryBlock, WorkshopResultsBlock
from .searching import stream_documents

CASE_SECTIONS = [
    ("challenge", _("Udfordringen")),
    ("approach", _("Sådan gjorde vi")),
    ("results", _("Resultater")),
    ("lessons", _("Det har vi lært")),
]


def unique(objects):
    """The objects in order, each once (an editor may choose the same one twice)."""
    seen = set()
    return [obj for obj in objects if not (obj.pk in seen or seen.add(obj.pk))]


class MeetingChildMixin:
    """For pages that live under a meeting: the meeting and its date."""

    @property
    def meeting(self):
        if not hasattr(self, "_meeting"):
            parent = self.get_parent()
            self._meeting = parent.specific if parent is not None else None
        return self._meeting

    @property
    def meeting_date(self):
        return getattr(self.meeting, "date", None)


class CasePage(MeetingChildMixin, ThemedPageMixin, BasePage):
    """A municipality's or institution's experience presented at a meeting: challenge, approach, results, lessons."""

    challenge = StreamField(CaseSectionBlock(), blank=True, verbose_name=_("udfordringen"))
    approach = StreamField(CaseSectionBlock(), blank=True, verbose_name=_("sådan gjorde vi"))
    results = StreamField(CaseSectionBlock(), blank=True, verbose_name=_("resultater"))
    lessons = StreamField(CaseSectionBlock(), blank=True, verbose_name=_("det har vi lært"))
    images = StreamField(GalleryBlock(), blank=True, verbose_name=_("billeder"))
    documents = StreamField(DocumentsBlock(), blank=True, verbose_name=_("dokumenter"))
    contact_person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        # SET_NULL rather than PROTECT: Wagtail's snippet delete view does not handle ProtectedError.
        # Deleting a person leaves the case published; its next edit asks for a new contact.
        on_delete=models.SET_NULL,
        related_name="contact_for_cases",
        help_text=_("Skal udfyldes: den person, andre kommuner kan spørge om casen."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultipleChooserPanel(
            "municipality_links", chooser_field_name="municipality", heading=_("Kommuner"), label=_("Kommune")
        ),
        MultipleChooserPanel(
            "organisation_links",
            chooser_field_name="organisation",
            heading=_("Organisationer"),
            label=_("Organisation"),
        ),
        FieldPanel("themes"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("images"),
        FieldPanel("documents"),
        FieldPanel("contact_person"),
        MultipleChooserPanel(
            "strategy_links",
            chooser_field_name="page",
            heading=_("Relaterede strategier og handlingsplaner"),
            label=_("Strategi eller handlingsplan"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]

    parent_page_types = ["cases.MeetingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def clean(self):
        super().clean()
        if not self.contact_person_id:
            raise ValidationError(
                {"contact_person": _("Vælg en kontaktperson, så andre kan spørge om casen.")},
            )

    @property
    def sections(self):
        """The four parts of the case with their headings, in order, leaving out empty ones."""
        return [(name, label, getattr(self, name)) for name, label in CASE_SECTIONS if getattr(self, name)]

    @property
    def municipalities(self):
        return unique([link.municipality for link in self.municipality_links.all() if link.municipality_id])

    @property
    def organisations(self):
        return unique([link.organisation for link in self.organisation_links.all() if link.organisation_id])

    def related_strategies(self):
        """The linked strategies and action plans that are published and public."""
        ids = [link.page_id for link in self.strategy_links.all() if link.page_id]
        pages = Page.objects.filter(pk__in=ids).live().public().specific()
        order = {page_id: position for position, page_id in enumerate(ids)}
        return sorted(pages, key=lambda page: order[page.pk])

    def search_documents(self):
        body = "\n".join(stream_text(section) for _name, _label, section in self.sections)
        organisations = ", ".join(organisation.name for organisation in self.organisations)
        yield page_document(
            self,
            kind=Kind.CASE,
            body=[body, organisations],
            date=self.meeting_date,
            municipalities=self.municipalities,
            documents=stream_documents(self.documents, *(section for _n, _l, section in self.sections)),
        )


class CaseMunicipality(Orderable):
    """A municipality involved in a case."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="municipality_links")
    municipality = models.ForeignKey(
        "cms.Municipality", verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="case_links"
    )

    panels = [FieldPanel("municipality")]

    class Meta(Orderable.Meta):
        verbose_name = _("kommune i casen")
        verbose_name_plural = _("kommuner i casen")


class CaseOrganisation(Orderable):
    """An organisation (institution or partner) that takes part in a case."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey(
        "directory.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="case_links"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation i casen")
        verbose_name_plural = _("organisationer i casen")


class CaseStrategyLink(Orderable):
    """A strategy or action plan a case relates to."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="strategy_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strategi eller handlingsplan"),
        on_delete=models.CASCADE,
        related_name="case_links",
    )

    panels = [PageChooserPanel("page", ["strategies.StrategyPage", "strategies.ActionPlanPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("relateret strategi")
        verbose_name_plural = _("relaterede strategier")

    def clean(self):
        super().clean()
        if self.page_id and not isinstance(self.page.specific, (StrategyPage, ActionPlanPage)):
            raise ValidationError({"page": _("Vælg en strategi eller en handlingsplan.")})


class WorkshopOutputPage(MeetingChildMixin, ThemedPageMixin, BasePage):
    """What a workshop at a meeting worked on and produced: the question, insights, ideas and posters."""

    question = models.TextField(
        _("spørgsmålet"),
        max_length=600,
        help_text=_("Det spørgsmål eller den opgave, workshoppen arbejdede med."),
    )
    results = StreamField(WorkshopResultsBlock(), blank=True, verbose_name=_("resultater"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("question"),
        MultipleChooserPanel(
            "facilitators", chooser_field_name="person", heading=_("Facilitatorer"), label=_("Facilitator")
        ),
        FieldPanel("results"),
        FieldPanel("themes"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("question"), index.SearchField("results")]

    parent_page_types = ["cases.MeetingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshopresultat")
        verbose_name_plural = _("workshopresultater")

    @property
    def facilitator_people(self):
        """The facilitators, with what their cards show (organisation, photo renditions) in fixed queries."""
        links = self.facilitators.select_related("person__organisation").prefetch_related(
            photo_prefetch("person__photo", PERSON_CARD_PHOTO)
        )
        return unique([link.person for link in links if link.person_id])

    def search_documents(self):
        facilitators = ", ".join(person.name for person in self.facilitator_people)
        yield page_document(
            self,
            kind=Kind.WORKSHOP,
            body=[self.question, stream_text(self.results), facilitators],
            date=self.meeting_date,
            documents=stream_documents(self.results),
        )


class WorkshopFacilitator(Orderable):
    """A person who facilitated a workshop."""

    workshop = ParentalKey(WorkshopOutputPage, on_delete=models.CASCADE, related_name="facilitators")
    person = models.ForeignKey(
        "directory.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="facilitated_workshops"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitatorer")
