"""Denmark's 5 regions and 98 municipalities: reference data, not pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of Denmark's five regions, used to group municipalities in filters and overviews."""

    code = models.PositiveIntegerField(_("regionskode"), unique=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A Danish municipality (kommune): member or not, it can be chosen on content and filters."""

    code = models.PositiveIntegerField(
        _("kommunekode"), unique=True, help_text=_("Kommunekoden uden foranstillede nuller.")
    )
    name = models.CharField(_("officielt navn"), max_length=100, unique=True)
    short_name = models.CharField(_("kort navn"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    population = models.PositiveIntegerField(_("indbyggertal"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("indbyggertal pr. år"), null=True, blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name

    @property
    def padded_code(self):
        """The code as DAGI and DAWA write it, with four digits."""
        return str(self.code).zfill(4)
