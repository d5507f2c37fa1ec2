"""Template filters for the strategies app."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kroner(value):
    """An amount in whole kroner with the language's thousands separator: "250.000 kr." / "DKK 250,000"."""
    if value in (None, ""):
        return ""
    return _("%(amount)s kr.") % {"amount": number_format(int(value), force_grouping=True)}
