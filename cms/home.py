"""The home page's automatic sections.

Apps add a section by registering a `home_page_sections` Wagtail hook: a function taking
(request, home_page) and returning a `HomeSection`, or None when it has nothing to show, so an empty
section never appears.
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from wagtail import hooks
from wagtail.models import Page


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
