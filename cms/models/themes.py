"""The curated theme taxonomy, built on django-taggit."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase

COLOUR_CHOICES = [
    ("green", _("Grøn")),
    ("teal", _("Blågrøn")),
    ("blue", _("Blå")),
    ("purple", _("Lilla")),
    ("orange", _("Orange")),
    ("red", _("Rød")),
    ("brown", _("Brun")),
    ("grey", _("Grå")),
]


class Theme(TagBase):
    """A theme editors curate and tag content with, e.g. "grøn dannelse"."""

    # Pages can only be tagged with existing themes; new ones are created as snippets.
    free_tagging = False

    description = models.TextField(
        _("beskrivelse"), blank=True, help_text=_("Vises på temaets side og i temaoversigten.")
    )
    colour = models.CharField(
        _("farve"),
        max_length=20,
        choices=COLOUR_CHOICES,
        default="green",
        help_text=_("Farven på temaets mærke og flise. Alle farver har tilstrækkelig kontrast."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sortering"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")


class PageTheme(TaggedItemBase):
    """The link between a page of any type and one of its themes."""

    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="page_items")
    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="theme_items")

    class Meta:
        verbose_name = _("sidetema")
        verbose_name_plural = _("sidetemaer")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_page_theme"),
        ]


class ThemedPageMixin(models.Model):
    """Gives a page type the `themes` field; every themed page shares one link table.

    Because the link table points at `wagtailcore.Page`, filter a page type by theme through
    the link rows (`StrategyPage.objects.filter(theme_items__tag=theme)`), not `themes__…`,
    which taggit cannot join from a page subclass. The shared table is what lets one query
    count or list everything on a theme across all page types.
    """

    themes = ClusterTaggableManager(
        through=PageTheme,
        blank=True,
        verbose_name=_("temaer"),
        help_text=_("Vælg et eller flere af netværkets temaer."),
    )

    class Meta:
        abstract = True
