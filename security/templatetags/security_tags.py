from django import template

from security.visibility import page_is_visible

register = template.Library()


@register.filter
def visible_to(page, request):
    """`{% if page|visible_to:request %}`: live, and open to this visitor (security.visibility)."""
    return page_is_visible(page, request)
