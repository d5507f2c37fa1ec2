"""Fields shared by strategies and action plans."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import year_validators


class PeriodMixin(models.Model):
    """The years a strategy or action plan covers, from–to."""

    period_start = models.PositiveSmallIntegerField(
        _("gælder fra år"),
        null=True,
        blank=True,
        validators=year_validators(),
        help_text=_("Det første år, planen gælder for, fx 2024. Vises som periode, fx 2024–2028."),
    )
    period_end = models.PositiveSmallIntegerField(
        _("gælder til år"),
        null=True,
        blank=True,
        validators=year_validators(),
        help_text=_("Det sidste år, planen gælder for, fx 2028. Tomt, hvis planen gælder indtil videre."),
    )

    class Meta:
        abstract = True

    def period_errors(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            return {"period_end": _("Slutåret ligger før startåret.")}
        return {}

    @property
    def period_label(self):
        start, end = self.period_start, self.period_end
        if start and end:
            return f"{start}–{end}"
        if start:
            return _("fra %(year)s") % {"year": start}
        if end:
            return _("til %(year)s") % {"year": end}
        return ""


class ReviewDateMixin(models.Model):
    """When a strategy or action plan should be looked over again (strategies/reviews.py reminds its editors)."""

    review_on = models.DateField(
        _("gennemses senest"),
        null=True,
        blank=True,
        help_text=_(
            "Hvornår I senest ser siden igennem, så den stadig er rigtig. Tom: et år efter udgivelsen. En måned "
            "før får kommunens redaktører en påmindelse på mail og på oversigten; en overskredet dato tælles på "
            "/kommuner/daekning/. Udgiver KL siden efter datoen, rykkes den et år frem."
        ),
    )

    class Meta:
        abstract = True
