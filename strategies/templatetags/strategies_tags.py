"""Template filters for the strategies app."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kroner(value):
    """An amount in whole kroner written the Danish way: 250000 → "250.000 kr."."""
    if value in (None, ""):
        return ""
    return _("%(amount)s kr.") % {"amount": f"{int(value):,}".replace(",", ".")}
