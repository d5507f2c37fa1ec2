"""Template tags for the approval e-mails and the municipal editor's dashboard."""

from django import template

from strategies.approval import latest_decision

register = template.Library()


@register.simple_tag
def review_decision(obj):
    """KL's last decision on a page: a dict with approved, comment, reviewer and when, or None."""
    return latest_decision(obj) if obj is not None else None
