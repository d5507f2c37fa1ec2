"""The home page's automatic sections.

Apps add a section by registering a `home_page_sections` Wagtail hook: a function taking
(request, home_page) and returning a `HomeSection`, or None when it has nothing to show, so an empty
section never appears.
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localdate as today
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Page, Site

from cms import content_cache


@dataclass
class HomeSection:
    key: str
    order: int  # smaller first
    template: str
    context: dict = field(default_factory=dict)


def home_sections(request, home_page):
    sections = []
    for hook in hooks.get_hooks("home_page_sections"):
        section = hook(request, home_page)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def rendered_home_sections(request, home_page):
    """The automatic sections as HTML, built once per content change and day for anonymous visitors.

    They list what is newest and upcoming across the site (the map, strategies, meetings, cases,
    theme counts), which costs most of the home page's queries and time, and they are the same for
    every anonymous visitor on a given day (upcoming meetings depend on the date). Their templates
    hold nothing per request (no CSP nonce, no form). See cms.content_cache.
    """

    def render():
        html = "".join(
            format_html('<div class="container">{}</div>', render_to_string(section.template, {"section": section}))
            for section in home_sections(request, home_page)
        )
        return mark_safe(html)  # noqa: S308 (built by format_html from the sections' own templates)

    if not content_cache.shared_view(request):
        return render()
    site = Site.find_for_request(request)
    key = f"home-sections:{site.pk if site else 0}:{home_page.pk}:{get_language()}:{today().isoformat()}"
    return mark_safe(content_cache.cached(key, lambda: str(render())))  # noqa: S308 (HTML rendered above)


def featured_items(home_page):
    """The featured pages that are still live and public, with the editors' own title and text."""
    blocks = [block.value for block in home_page.featured if block.value.get("page")]
    pages = Page.objects.live().public().filter(pk__in=[value["page"].pk for value in blocks]).specific()
    by_id = {page.pk: page for page in pages}
    items = []
    for value in blocks:
        specific = by_id.get(value["page"].pk)
        if specific is None:
            continue
        items.append(featured_item(value, specific))
    return items


def featured_item(value, page):
    """One featured page's card (components/blocks/featured_item_block.html): editors' title and text or the page's."""
    return {
        "page": page,
        "title": value.get("title") or page.title,
        "text": value.get("text") or getattr(page, "summary", "") or "",
        "kind": page.kind_label if hasattr(page, "kind_label") else str(page._meta.verbose_name).capitalize(),
    }


LATEST_COUNT = 3


def latest_pages_section(key, order, template, *page_types, count=LATEST_COUNT):
    """A section of the newest live, public pages of the given types, or None while there are none."""
    items = list(
        Page.objects.type(*page_types).live().public().order_by("-first_published_at", "-pk").specific()[:count]
    )
    if not items:
        return None
    for page_type in page_types:  # what each card shows beside the title, in a fixed number of queries
        same_type = [item for item in items if type(item) is page_type]
        related = getattr(page_type, "card_select_related", ())
        if same_type and related:
            prefetch_related_objects(same_type, *related)
    return HomeSection(key=key, order=order, template=template, context={"items": items})
