"""Inline parts of strategy pages: an action plan's actions and a strategy's links to other plans."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from directory.widgets import OrganisationsChooser

from .choices import ActionStatus


class ActionTheme(TaggedItemBase):
    """The link between an action and one of the network's themes."""

    tag = models.ForeignKey("cms.Theme", on_delete=models.CASCADE, related_name="action_items")
    content_object = ParentalKey("strategies.Action", on_delete=models.CASCADE, related_name="theme_items")

    class Meta:
        verbose_name = _("handlingstema")
        verbose_name_plural = _("handlingstemaer")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_action_theme"),
        ]


class Action(Orderable, ClusterableModel):
    """One action in an action plan: what is done, by whom, when, and how progress is measured."""

    page = ParentalKey("strategies.ActionPlanPage", on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_(
            "Handlingens navn som en kort overskrift. Vises i handlingsplanen og på temasiderne. "
            'Fx "Grønne indkøb på bibliotekerne".'
        ),
    )
    description = models.TextField(
        _("beskrivelse"),
        blank=True,
        max_length=3000,
        help_text=_("Hvad I gør, og hvorfor, i et par afsnit (højst 3.000 tegn). Vises under titlen."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("Hvor langt handlingen er. Vises som mærkat og tælles med i planens statusoversigt."),
    )
    start_date = models.DateField(
        _("start"), null=True, blank=True, help_text=_("Hvornår handlingen begynder. Vises ved handlingen.")
    )
    end_date = models.DateField(
        _("slut"), null=True, blank=True, help_text=_("Hvornår handlingen forventes afsluttet. Kan være tom.")
    )
    responsible = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("ansvarlig organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for_actions",
        help_text=_("Den institution eller forvaltning, der står for handlingen. Vises ved handlingen."),
    )
    partners = ParentalManyToManyField(
        "directory.Organisation",
        verbose_name=_("partnere"),
        blank=True,
        related_name="partner_in_actions",
        help_text=_("Dem, der er med i handlingen. Vises ved handlingen og på partnerens egen side."),
    )
    budget = models.BigIntegerField(
        _("budget i kroner"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("Budgettet kan ikke være negativt."))],
        help_text=_("Valgfrit. Hele kroner uden punktum, fx 250000."),
    )
    indicator = models.CharField(
        _("indikator"),
        max_length=300,
        blank=True,
        help_text=_('Det, I måler fremdriften på. Vises ved handlingen. Fx "Antal institutioner med klimaplan".'),
    )
    target = models.CharField(
        _("målsætning"),
        max_length=300,
        blank=True,
        help_text=_('Det, I vil nå, målt på indikatoren. Vises ved siden af den. Fx "25 institutioner i 2026".'),
    )
    themes = ClusterTaggableManager(
        through=ActionTheme,
        blank=True,
        verbose_name=_("temaer"),
        help_text=_("Netværkets temaer, handlingen hører under. Handlingen vises så også på temaernes sider."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Periode")),
        FieldPanel("responsible"),
        FieldPanel("partners", widget=OrganisationsChooser),
        FieldPanel("budget"),
        MultiFieldPanel([FieldPanel("indicator"), FieldPanel("target")], heading=_("Indikator og målsætning")),
        FieldPanel("themes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("handling")
        verbose_name_plural = _("handlinger")

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        """The fragment that links straight to this action on its plan's page."""
        return f"handling-{self.pk}"

    def clean(self):
        super().clean()
        if self.budget is not None and self.budget < 0:
            raise ValidationError({"budget": _("Budgettet kan ikke være negativt.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatoen ligger før startdatoen.")})


class StrategyLink(Orderable):
    """A link from a strategy to the municipality's other plans, e.g. its DK2020 climate plan."""

    page = ParentalKey("strategies.StrategyPage", on_delete=models.CASCADE, related_name="other_plans")
    title = models.CharField(_("titel"), max_length=200, help_text=_('Fx "Klimaplan (DK2020)".'))
    url = models.URLField(
        _("adresse"), help_text=_("Den fulde adresse på planen på kommunens hjemmeside, fx https://aarhus.dk/klima.")
    )

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link til anden plan")
        verbose_name_plural = _("links til andre planer")

    def __str__(self):
        return self.title
