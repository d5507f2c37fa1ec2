"""The page types of the strategies app: the municipality index, municipalities, strategies, action plans."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import BasePage, HeroImageMixin, ThemedPageMixin
from strategies.blocks import StrategyBodyBlock
from strategies.forms import ActionPlanPageForm, StrategyPageForm

from .choices import ActionStatus, StrategyStatus, year_validators
from .mixins import PeriodMixin

GOAL_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class MunicipalityIndexPage(RoutablePageMixin, BasePage):
    """The /kommuner/ page: every member municipality, the map of Denmark, comparison and coverage."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["strategies.MunicipalityPage"]
    max_count = 1

    class Meta:
        verbose_name = _("kommuneoversigt")
        verbose_name_plural = _("kommuneoversigter")

    @path("")
    def index_route(self, request):
        from strategies.views import listing_context

        return self.render(request, context_overrides=listing_context(self, request))

    @path("sammenlign/", name="compare")
    def compare_route(self, request):
        from strategies.views import comparison_context

        return self.render(
            request,
            context_overrides=comparison_context(self, request),
            template="strategies/comparison.html",
        )

    @path("daekning/", name="coverage")
    def coverage_route(self, request):
        from strategies.views import coverage_context

        return self.render(
            request,
            context_overrides=coverage_context(self, request),
            template="strategies/coverage.html",
        )

    def subpage_url(self, name):
        return self.url + self.reverse_subpage(name)

    def get_sitemap_urls(self, request=None):
        """The listing and the coverage overview; the comparison depends on a visitor's choice."""
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + self.reverse_subpage("coverage")})
        return urls


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
        from strategies.search import municipality_documents

        yield from municipality_documents(self)


class StrategyPage(ThemedPageMixin, PeriodMixin, HeroImageMixin, BasePage):
    """A municipality's strategy for green culture: status, period, vision, goals and partners."""

    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="strategies",
    )
    status = models.CharField(
        _("status"), max_length=30, choices=StrategyStatus.choices, default=StrategyStatus.DRAFTING
    )
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    vision = models.TextField(_("vision"), blank=True, max_length=2000)
    goals = RichTextField(_("mål i korte træk"), blank=True, features=GOAL_FEATURES)
    body = StreamField(StrategyBodyBlock(), blank=True, verbose_name=_("indhold"))
    partners = ParentalManyToManyField(
        "cms.Organisation", verbose_name=_("partnere"), blank=True, related_name="partner_in_strategies"
    )
    contact = models.ForeignKey(
        "cms.Person",
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
    )

    base_form_class = StrategyPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("municipality"),
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
        FieldPanel("partners"),
        FieldPanel("contact"),
        FieldPanel("document"),
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

    def clean(self):
        super().clean()
        errors = {}
        if not self.municipality_id:
            errors["municipality"] = _("Vælg den kommune, strategien hører til.")
        if not self.contact_id:
            errors["contact"] = _("Vælg en kontaktperson, som offentligheden kan henvende sig til.")
        errors.update(self.period_errors())
        if self.document_id and self.document.file_extension.lower() != "pdf":
            errors["document"] = _("Den vedtagne strategi skal være en PDF-fil.")
        if errors:
            raise ValidationError(errors)

    @cached_property
    def live_action_plans(self):
        return list(ActionPlanPage.objects.live().public().filter(strategy=self).order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["action_plans"] = self.live_action_plans
        context["partners"] = self.partners.select_related("municipality")
        return context

    def search_documents(self):
        from strategies.search import strategy_documents

        yield from strategy_documents(self)


class ActionPlanPage(ThemedPageMixin, PeriodMixin, BasePage):
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
    body = StreamField(StrategyBodyBlock(), blank=True, verbose_name=_("indhold"))
    contact = models.ForeignKey(
        "cms.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_for_action_plans",
        help_text=_("Tom: strategiens kontaktperson vises."),
    )

    base_form_class = ActionPlanPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("strategy"),
        FieldPanel("intro", heading=_("Kort resumé")),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Periode")),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("contact"),
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
        errors.update(self.period_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def municipality(self):
        return self.strategy.municipality if self.strategy_id else None

    def status_counts(self, actions=None):
        """How many actions have each status, in status order, with their share of the whole in per cent."""
        actions = list(self.actions.all()) if actions is None else actions
        total = len(actions)
        counts = []
        for value, label in ActionStatus.choices:
            count = sum(1 for action in actions if action.status == value)
            counts.append(
                {
                    "status": value,
                    "label": label,
                    "count": count,
                    "percent": round(100 * count / total, 1) if total else 0,
                }
            )
        return counts

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
        from strategies.search import action_plan_documents

        yield from action_plan_documents(self)
