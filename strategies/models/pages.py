"""The page types of the strategies app: the municipality index, municipalities, strategies, action plans."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import BasePage, HeroImageMixin, ThemedPageMixin
from directory.widgets import OrganisationsChooser
from strategies.blocks import StrategyBodyBlock
from strategies.forms import MunicipalPageForm
from strategies.search import action_plan_documents, strategy_documents

from .choices import StrategyStatus, count_by_status, year_validators
from .mixins import PeriodMixin, ReviewDateMixin

GOAL_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class MunicipalityPage(BasePage):
    """A member municipality's own page; its editors write its strategies and action plans below it."""

    municipality = models.OneToOneField(
        "cms.Municipality",
        verbose_name=_("kommune"),
        on_delete=models.PROTECT,
        related_name="member_page",
        help_text=_("Sidens adresse dannes af kommunens navn, fx /kommuner/aarhus/."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("medlem siden"), null=True, blank=True, validators=year_validators()
    )
    website = models.URLField(_("kommunens side om kultur og grøn omstilling"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [
        FieldPanel("municipality"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("member_since"), FieldPanel("website")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["strategies.MunicipalityIndexPage"]
    subpage_types = ["strategies.StrategyPage", "strategies.ActionPlanPage"]

    class Meta:
        verbose_name = _("medlemskommune")
        verbose_name_plural = _("medlemskommuner")

    def full_clean(self, *args, **kwargs):
        # The address always follows the municipality's name, so /kommuner/<navn>/ is predictable.
        if self.municipality_id:
            self.slug = self.municipality.slug
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.municipality_id:
            taken = MunicipalityPage.objects.filter(municipality_id=self.municipality_id).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError({"municipality": _("Kommunen har allerede en side.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["strategies"] = (
            StrategyPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("theme_items__tag")
            .order_by("-period_start", "title")
        )
        context["action_plans"] = (
            ActionPlanPage.objects.child_of(self)
            .live()
            .public()
            .select_related("strategy")
            .prefetch_related("actions")
            .order_by("-period_start", "title")
        )
        return context

    def search_documents(self):
        from strategies.search import municipality_documents  # noqa: PLC0415 (strategies.search imports these models)

        yield from municipality_documents(self)


def municipality_page_above(page):
    """The MunicipalityPage a page sits (or is being created) under, or None when it has no place yet."""
    parent = getattr(page, "form_parent_page", None)
    if parent is not None:
        parent = parent.specific
        return parent if isinstance(parent, MunicipalityPage) else None
    if not page.path or page.depth <= 1:
        return None
    return MunicipalityPage.objects.filter(path=page.path[: -page.steplen]).first()


class StrategyPage(ThemedPageMixin, PeriodMixin, ReviewDateMixin, HeroImageMixin, BasePage):
    """A municipality's strategy for green culture: status, period, vision, goals and partners."""

    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="strategies",
        help_text=_(
            "Den kommune, der står bag strategien. Sættes automatisk ud fra kommunesiden, strategien ligger "
            "under, og bestemmer, hvor strategien vises på /kommuner/, på kortet og i filtrene."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=StrategyStatus.choices,
        default=StrategyStatus.DRAFTING,
        help_text=_(
            "Hvor langt strategien er: under udarbejdelse, vedtaget eller udløbet. Vises som mærkat på "
            "strategien og i oversigten over kommuner, hvor man kan filtrere på den."
        ),
    )
    adopted_on = models.DateField(
        _("vedtaget den"),
        null=True,
        blank=True,
        help_text=_("Datoen for den politiske vedtagelse, fx i kultur- og fritidsudvalget. Vises ved status."),
    )
    vision = models.TextField(
        _("vision"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Strategiens overordnede vision med jeres egne ord, højst 2.000 tegn. Vises fremhævet øverst på "
            'strategien. Fx "Kulturlivet i Aarhus går forrest i den grønne omstilling."'
        ),
    )
    goals = RichTextField(
        _("mål i korte træk"),
        blank=True,
        features=GOAL_FEATURES,
        help_text=_(
            "De vigtigste mål som en punktopstilling, så læseren får overblikket hurtigt. Vises under visionen. "
            'Fx "Alle kulturinstitutioner har en klimaplan i 2026."'
        ),
    )
    body = StreamField(
        StrategyBodyBlock(),
        blank=True,
        verbose_name=_("indhold"),
        help_text=_(
            "Strategiens øvrige indhold: afsnit, citater, billeder og faktabokse. Vises i den rækkefølge, "
            "du lægger blokkene i."
        ),
    )
    partners = ParentalManyToManyField(
        "directory.Organisation",
        verbose_name=_("partnere"),
        blank=True,
        related_name="partner_in_strategies",
        help_text=_(
            "Kulturinstitutioner, foreninger og virksomheder, I samarbejder med om strategien. Vises som "
            "liste på strategien og på hver partners egen side. Vælg dem med knappen Vælg partnere og søg på "
            "navnet; kommunens egne organisationer står først, og mangler en, så opret den under fanen "
            "Opret ny organisation."
        ),
    )
    contact = models.ForeignKey(
        "directory.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="contact_for_strategies",
        help_text=_("Kun arbejdsnavn, titel, arbejdsmail og -telefon vises."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("den vedtagne strategi (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Den vedtagne strategi som PDF, så borgere og andre kommuner kan hente den. Vises som "
            "downloadlink på strategien, og teksten i PDF'en kan findes i søgningen."
        ),
    )

    base_form_class = MunicipalPageForm
    # No municipality panel: it is the one of the MunicipalityPage above (see full_clean).
    content_panels = BasePage.content_panels + [
        FieldPanel("intro", heading=_("Kort resumé")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("adopted_on"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading=_("Status og periode"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Topbillede")),
        FieldPanel("vision"),
        FieldPanel("goals"),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("partners", widget=OrganisationsChooser),
        FieldPanel("contact"),
        FieldPanel("document"),
        FieldPanel("review_on"),
        InlinePanel("other_plans", heading=_("Kommunens andre planer"), label=_("Link")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("vision"),
        index.SearchField("goals"),
        index.SearchField("body"),
    ]

    parent_page_types = ["strategies.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strategi")
        verbose_name_plural = _("strategier")

    def full_clean(self, *args, **kwargs):
        # A strategy belongs to the municipality whose page it is under, as MunicipalityPage's slug follows
        # its municipality; moving the strategy to another municipality's page moves it there too.
        parent = municipality_page_above(self)
        if parent is not None:
            self.municipality_id = parent.municipality_id
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if not self.municipality_id:
            errors["municipality"] = _("Strategien skal ligge under en medlemskommunes side.")
        if not self.contact_id:
            errors["contact"] = _("Vælg en kontaktperson, som offentligheden kan henvende sig til.")
        errors.update(self.period_errors())
        if self.document_id and self.document.file_extension.lower() != "pdf":
            errors["document"] = _("Den vedtagne strategi skal være en PDF-fil.")
        if errors:
            raise ValidationError(errors)

    @property
    def owner_name(self):
        """Whose strategy this is, for every list that shows its title (cards, feeds, comparison)."""
        return self.municipality.name if self.municipality_id else ""

    card_meta = owner_name
    card_select_related = ("municipality",)  # what card_meta reads, for listings (cms.themes)
    # What the page itself shows, read with the page when it is served (cms.models.BasePage.route).
    serve_select_related = ("municipality", "contact__organisation", "document", "hero_image")

    @cached_property
    def live_action_plans(self):
        return list(ActionPlanPage.objects.live().public().filter(strategy=self).order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["action_plans"] = self.live_action_plans
        context["partners"] = self.partners.select_related("municipality")
        return context

    def search_documents(self):
        yield from strategy_documents(self)


class ActionPlanPage(ThemedPageMixin, PeriodMixin, ReviewDateMixin, BasePage):
    """An action plan under a strategy: its actions, who does them, when, and how far they have come."""

    strategy = models.ForeignKey(
        StrategyPage,
        verbose_name=_("strategi"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="action_plans",
        help_text=_("Den strategi i samme kommune, handlingsplanen udmønter."),
    )
    body = StreamField(
        StrategyBodyBlock(),
        blank=True,
        verbose_name=_("indhold"),
        help_text=_(
            "Handlingsplanens baggrund og øvrige indhold. Selve handlingerne skrives længere nede under "
            "Handlinger, så de kan vises med status og findes enkeltvis."
        ),
    )
    contact = models.ForeignKey(
        "directory.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_for_action_plans",
        help_text=_("Tom: strategiens kontaktperson vises."),
    )

    base_form_class = MunicipalPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("strategy"),
        FieldPanel("intro", heading=_("Kort resumé")),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Periode")),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("contact"),
        FieldPanel("review_on"),
        InlinePanel("actions", heading=_("Handlinger"), label=_("Handling")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["strategies.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")

    def clean(self):
        super().clean()
        errors = {}
        if not self.strategy_id:
            errors["strategy"] = _("Vælg den strategi, handlingsplanen hører til.")
        else:
            parent = municipality_page_above(self)
            if parent is not None and self.strategy.municipality_id != parent.municipality_id:
                errors["strategy"] = _("Vælg en strategi fra %(name)s; handlingsplanen hører til den kommune.") % {
                    "name": parent.municipality
                }
        errors.update(self.period_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def municipality(self):
        return self.strategy.municipality if self.strategy_id else None

    @property
    def owner_name(self):
        """Whose plan this is, for every list that shows its title (cards, feeds, comparison)."""
        municipality = self.municipality
        return municipality.name if municipality else ""

    card_meta = owner_name
    card_select_related = ("strategy__municipality",)  # what card_meta reads, for listings (cms.themes)
    serve_select_related = ("strategy__municipality", "contact__organisation")  # see StrategyPage

    def status_counts(self, actions=None):
        """How many actions have each status, in status order, with their share of the whole in per cent."""
        return count_by_status(self.actions.all() if actions is None else actions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        actions = list(self.actions.select_related("responsible").prefetch_related("partners", "theme_items__tag"))
        for action in actions:
            # Read from the prefetched rows, so the page costs the same whatever the number of actions.
            action.theme_list = [item.tag for item in action.theme_items.all()]
            action.partner_list = list(action.partners.all())
        # Only a published, public strategy is linked from the plan.
        strategy = StrategyPage.objects.live().public().filter(pk=self.strategy_id).select_related("contact").first()
        context.update(
            {
                "actions": actions,
                "status_counts": self.status_counts(actions),
                "public_strategy": strategy,
                "contact": self.contact or (strategy.contact if strategy else None),
            }
        )
        return context

    def search_documents(self):
        yield from action_plan_documents(self)
