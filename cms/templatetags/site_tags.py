"""Template tags for the parts of every page: navigation, breadcrumbs and language links."""

from django import template
from django.urls import translate_url
from django.utils.translation import get_language

from cms.models import NavigationSettings

register = template.Library()


def _navigation(context):
    request = context.get("request")
    if request is None:
        return None
    cache_attr = "_navigation_settings"
    if not hasattr(request, cache_attr):
        setattr(request, cache_attr, NavigationSettings.for_request(request))
    return getattr(request, cache_attr)


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The main menu, with the current section marked for assistive technology."""
    nav = _navigation(context)
    items = NavigationSettings.resolve(nav.main_menu) if nav else []
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    request = context.get("request")
    entries = []
    for title, url, page in items:
        is_current = bool(page and current and page.pk == current.pk)
        in_section = bool(page and current_path.startswith(page.url_path) and page.depth > 2)
        if not page and request is not None:
            is_current = request.path == url
        entries.append({"title": title, "url": url, "current": is_current, "section": in_section})
    return {"entries": entries}


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    nav = _navigation(context)
    return {"items": NavigationSettings.resolve(nav.footer_links) if nav else []}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; nothing on the home page itself."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gt=1).live().specific(defer=True)
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def translated_url(context, language_code):
    """The current address in another of the site's languages."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language_code)


@register.simple_tag
def current_language():
    return get_language() or "da"
