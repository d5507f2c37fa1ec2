"""Template tags for the parts of every page: navigation, breadcrumbs and language links."""

import json
from collections import namedtuple

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Site

from cms import content_cache
from cms.formatting import join_lines
from cms.models import NavigationSettings, SiteSettings, ThemeIndexPage
from cms.themes import related_pages
from security.inline import CLASS_SWITCH

register = template.Library()


def _per_request(request, attribute, load):
    """`load()` once per request, kept on the request; without a request, every time."""
    if request is None:
        return load()
    if not hasattr(request, attribute):
        setattr(request, attribute, load())
    return getattr(request, attribute)


def _navigation(context):
    request = context.get("request")
    if request is None:
        return None
    return _per_request(request, "_navigation_settings", lambda: NavigationSettings.for_request(request))


# What the menus need of a linked page, small enough to keep in the cache (cms.content_cache).
MenuPage = namedtuple("MenuPage", "pk url_path depth")


def _menu(context, menu):
    """[(title, url, MenuPage or None)] of a menu; for anonymous visitors kept until content changes."""
    request = context.get("request")

    def resolve():
        nav = _navigation(context)
        if nav is None:
            return []
        return [
            (title, url, MenuPage(page.pk, page.url_path, page.depth) if page is not None else None)
            for title, url, page in NavigationSettings.resolve(getattr(nav, menu), request)
        ]

    if not content_cache.shared_view(request):
        return resolve()
    site = Site.find_for_request(request)
    return content_cache.cached(f"menu:{menu}:{site.pk if site else 0}:{get_language()}", resolve)


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The main menu, with the current section marked for assistive technology."""
    items = _menu(context, "main_menu")
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
    return {"items": _menu(context, "footer_links")}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to what is shown; nothing on the home page itself.

    Pages show their ancestors. Routes of routable pages and views that are not pages set `meta_title`,
    which becomes the last, current step after the page (if any).
    """
    page = context.get("page")
    request = context.get("request")
    route_title = context.get("meta_title")
    crumbs = []  # (title, url, whether the title is editors' content rather than the interface's)
    if page is not None:
        ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1).live().specific(defer=True)
        crumbs = [(ancestor.title, ancestor.url, True) for ancestor in ancestors]
    if route_title and request is not None:
        crumbs.append((route_title, request.path, False))
    elif page is not None and not crumbs:
        crumbs = [(page.title, page.url, True)]
    if page is None and crumbs:
        crumbs.insert(0, ("", "/en/" if get_language() == "en" else "/", False))
    if len(crumbs) < 2:
        return {"crumbs": []}
    # Percent-encode æ, ø, å … (request.path and unicode slugs are decoded), as every other link on the site.
    crumbs = [(title, iri_to_uri(url), is_content) for title, url, is_content in crumbs]
    return {"home_url": crumbs[0][1], "crumbs": crumbs[1:]}


@register.simple_tag
def content_lang():
    """` lang="da"` on pages in another language, for an element holding editors' (Danish) content.

    The English version translates the site's interface, not its content (WCAG 3.1.2, language of parts).
    """
    if (get_language() or settings.LANGUAGE_CODE).split("-")[0] == settings.LANGUAGE_CODE.split("-")[0]:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def translated_url(context, language_code):
    """The current address in another of the site's languages."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language_code)


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical link, language alternates and sharing tags for the current page.

    Views that are not pages, and routes of routable pages, set `meta_title`, `meta_description` and
    `meta_image` in their context; their canonical address is the Danish version of their own path.
    """
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    site_settings = SiteSettings.for_request(request)
    if page is not None and not context.get("meta_title"):
        title = page.seo_title or page.title
        description = getattr(page, "summary", "") or page.search_description
        image = getattr(page, "social_image", None)
        with translation.override("da"):
            canonical = page.get_full_url(request)
    else:
        # A view that is not a page, or a route of a routable page, describes itself.
        title = context.get("meta_title", "")
        description = context.get("meta_description", "")
        image = context.get("meta_image")
        canonical = request.build_absolute_uri(translate_url(request.path, "da"))
    image = image or site_settings.share_image
    image_data = None
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        image_data = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(context.get("page"), "hero_image_alt", "") or image.default_alt_text,
        }
    # The English version translates the interface only; the content stays Danish. So /en/ pages are not
    # indexed (robots noindex, follow), their canonical is the Danish page, and no page announces an hreflang
    # alternate: search engines ignore alternates whose canonical points elsewhere, and a Danish page with an
    # English interface is no translation a searcher wants. See docs/seo.md.
    secondary_language = (translation.get_language() or "da").split("-")[0] != settings.LANGUAGE_CODE.split("-")[0]
    return {
        "title": title,
        "description": " ".join(str(description or "").split())[:300],
        "canonical": canonical,
        "noindex": secondary_language,
        "image": image_data,
        "og_type": "website" if page is None or page.depth <= 2 else "article",
        "site_name": str(translation.gettext("Grønne partnerskaber")),
        "locale": "en_GB" if translation.get_language() == "en" else "da_DK",
    }


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def class_switch_script():
    """The inline script that marks the page as scripted; the Content-Security-Policy allows it by its hash."""
    return format_html("<script>{}</script>", mark_safe(CLASS_SWITCH))  # noqa: S308 (a constant)


def json_ld(data):
    """Structured data (schema.org) as a JSON-LD script, escaped so it cannot close the script element.

    A JSON-LD script is data, not code: the Content-Security-Policy does not apply to it, so it
    needs neither a nonce nor a hash.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(name="json_ld")
def json_ld_tag(data):
    """`{% json_ld data %}`: json_ld() in a template."""
    return json_ld(data)


@register.simple_tag(takes_context=True)
def organisation_json_ld(context):
    """schema.org Organization for the network, with KL as its parent organisation."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Netværk for grønne partnerskaber mellem kommuner og kulturliv",
        "url": request.build_absolute_uri("/"),
        "parentOrganization": {"@type": "Organization", "name": site_settings.organisation_name},
    }
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    if site_settings.contact_phone:
        data["telephone"] = site_settings.contact_phone
    if site_settings.address:
        street_address = join_lines(site_settings.address)
        data["address"] = {"@type": "PostalAddress", "streetAddress": street_address, "addressCountry": "DK"}
    return json_ld(data)


@register.simple_tag(takes_context=True)
def theme_url(context, theme):
    """The address of a theme's page, or an empty string while there is no live theme index."""
    request = context.get("request")

    def find():
        if content_cache.shared_view(request):
            return content_cache.cached("theme-index", lambda: ThemeIndexPage.objects.live().public().first())
        return ThemeIndexPage.objects.live().public().first()

    index = _per_request(request, "_theme_index_page", find)
    return index.theme_url(theme) if index else ""


@register.filter
def kind_label(item):
    """What kind of content an item is, as visitors read it ("Strategi", "Case" …)."""
    if hasattr(item, "kind_label"):  # a page type may say it has no kind worth naming ("")
        return item.kind_label
    return str(item._meta.verbose_name).capitalize() if hasattr(item, "_meta") else ""


@register.inclusion_tag("components/related_content.html")
def related_content(page, limit=6):
    """Up to six live, public items sharing the most themes with the page.

    The same for every visitor (only live, public pages), so kept until content changes (cms.content_cache).
    """
    return {"related_items": content_cache.cached(f"related:{page.pk}:{limit}", lambda: related_pages(page, limit))}


@register.simple_tag(takes_context=True)
def page_json_ld(context):
    """schema.org data for page types that describe themselves with `structured_data(request)`."""
    page = context.get("page")
    request = context.get("request")
    describe = getattr(page, "structured_data", None)
    if describe is None or request is None:
        return ""
    data = describe(request)
    return json_ld(data) if data else ""


@register.simple_tag(takes_context=True)
def page_actions(context):
    """HTML that other apps add to a page through the `page_actions` hook (sign-up boxes, follow links).

    Each function registered with `@hooks.register("page_actions")` takes `(page, request, context)`
    and returns rendered HTML (a SafeString) or "". Templates call `{% page_actions %}` where such
    actions belong; with no app registering the hook it renders nothing.
    """
    page = context.get("page")
    request = context.get("request")
    parts = [fn(page, request, context) for fn in hooks.get_hooks("page_actions")]
    return format_html_join("", "{}", ((part,) for part in parts if part))
