"""The contract between page types and search: what a published page contributes.

A page type joins search by defining `search_documents(self)`, which yields one or more
`SearchDocument`s built with `page_document()` (an action plan yields itself and one per action,
each with its own `#fragment` URL, grouped under the plan so search shows the plan once). A model
that is not a page but has a public page of its own (an organisation, a person) joins the same
way: `search_documents()` yielding `page_document(obj, ...)` documents, which are keyed by the
model and have no `page_id`. The search app finds every model with that method; nothing else has
to be registered. Every app may import this module; it imports no page type.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.images.blocks import ImageBlock


class Kind(models.TextChoices):
    """What kind of content a search document is. The index stores the value; visitors read the label."""

    STRATEGY = "strategy", _("Strategi")
    ACTION_PLAN = "action-plan", _("Handlingsplan")
    ACTION = "action", _("Handling")
    CASE = "case", _("Case")
    WORKSHOP = "workshop", _("Workshopresultat")
    MEETING = "meeting", _("Netværksmøde")
    CONFERENCE = "conference", _("Konference")
    MUNICIPALITY = "municipality", _("Medlemskommune")
    THEME = "theme", _("Tema")
    ORGANISATION = "organisation", _("Organisation")
    PERSON = "person", _("Person")
    PAGE = "page", _("Side")


def kind_label(value: str):
    """The (lazily translated) label of a kind value; an unknown value reads as itself."""
    try:
        return Kind(value).label
    except ValueError:
        return value


@dataclass
class SearchDocument:
    """One hit in search: the fields every engine indexes, filters and shows."""

    key: str  # stable and unique: "page:<id>", "page:<id>:action:<id>" or "<model>:<id>" (not a page)
    page_id: int | None  # the live page the document comes from (for privacy and updates); None if not a page
    title: str
    kind: Kind  # stored as its value, e.g. "strategy"
    url: str  # path on the site, with a #fragment for parts of a page
    summary: str = ""
    body: str = ""  # plain text
    themes: list[str] = field(default_factory=list)  # theme slugs
    theme_text: str = ""  # the themes' names and descriptions, searchable, ranked like the body
    municipalities: list[int] = field(default_factory=list)  # municipality codes
    regions: list[int] = field(default_factory=list)  # region codes
    date: datetime.date | None = None  # Copenhagen's date: what "newest" sorts by and the year facet counts
    documents: list = field(default_factory=list)  # wagtail Documents whose PDF text is indexed
    # Documents with the same group are one result in search: the group's own document (key ==
    # group, e.g. an action plan) shown once with its matching members (its actions). Empty: itself.
    group: str = ""

    @property
    def kind_label(self):
        return kind_label(self.kind)

    @property
    def group_key(self) -> str:
        return self.group or self.key


def object_key(obj) -> str:
    """The key prefix of an object's documents: `page:<id>` for a page, `<app>.<model>:<id>` for another model."""
    if _is_page(obj):
        return f"page:{obj.pk}"
    return f"{obj._meta.label_lower}:{obj.pk}"


def _is_page(obj) -> bool:
    return hasattr(obj, "get_url") and hasattr(obj, "path") and hasattr(obj, "depth")


def local_date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    """A date as Copenhagen reads it: aware datetimes are converted to local time first."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def published_on(page) -> datetime.date | None:
    """The Copenhagen date a page was last published (or first, if it never was again)."""
    return local_date(page.last_published_at or page.first_published_at)


def _join(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)


def page_document(
    page,
    *,
    kind: Kind,
    body: Iterable[str] = (),
    date: datetime.date | datetime.datetime | None = None,
    municipalities: Iterable = (),
    themes: Iterable | None = None,
    documents: Iterable = (),
    part: str = "",
    title: str | None = None,
    summary: str | None = None,
    anchor: str = "",
    dated: bool = True,
    path: str = "",
    grouped: bool = False,
) -> SearchDocument:
    """The search document of a page, or of one part of it, filled in the same way for every page type.

    `page` may also be another model with a public page of its own (`get_absolute_url()`, e.g. an
    organisation): its key is `<app>.<model>:<id>`, it has no page id, its title defaults to
    `str(obj)` and its summary to an empty one; give `date` or `dated=False`.

    - `body`: the page type's text parts, in order (the page's intro comes first when it is not
      already the summary); `summary` defaults to the page's `summary` (search description or intro).
    - `date`: the date that sorts and counts in the year facet; a datetime is read in Copenhagen
      time; without one, the Copenhagen date of the last publication, unless `dated=False` (pages
      whose content has no date of its own, such as standard pages: undated, last in "newest").
    - `municipalities`: Municipality objects (None is skipped); regions follow from them.
    - `themes`: Theme objects (or slugs); by default the page's own themes, when it has a
      `themes` field. The names and descriptions of Theme objects become searchable text.
    - `part`, `anchor`, `title`: for a part of a page (an action on its plan), a key suffix such as
      `"action:12"`, the `#fragment` of its URL and its own title.
    - `path`: for a route of a routable page (a theme at /temaer/<slug>/), what follows the page's URL.
    - `grouped`: a part shown in search as a match inside the page's own document (an action in
      its plan: "3 handlinger matcher"), not as a result of its own.
    """
    is_page = _is_page(page)
    if themes is None:
        themes = list(page.themes.all()) if is_page and hasattr(page, "themes") else []
    themes = list(themes)
    theme_text = _join(
        f"{theme.name}\n{getattr(theme, 'description', '')}" for theme in themes if not isinstance(theme, str)
    )
    places = [municipality for municipality in municipalities if municipality is not None]
    if summary is None:
        summary = (page.summary or "") if is_page else ""
    intro = getattr(page, "intro", "") if is_page and not part else ""
    url = (page.get_url() if is_page else page.get_absolute_url()) or ""
    if url and path:
        url = url.rstrip("/") + "/" + path.lstrip("/")
    base = object_key(page)
    if title is None:
        title = page.title if is_page else str(page)
    return SearchDocument(
        key=f"{base}:{part}" if part else base,
        page_id=page.pk if is_page else None,
        title=title,
        kind=Kind(kind),
        url=f"{url}#{anchor}" if url and anchor else url,
        summary=summary,
        body=_join([intro if intro != summary else "", *body]),
        themes=list(dict.fromkeys(theme if isinstance(theme, str) else theme.slug for theme in themes)),
        theme_text=theme_text,
        municipalities=list(dict.fromkeys(municipality.code for municipality in places)),
        regions=sorted({municipality.region.code for municipality in places}),
        date=(local_date(date) or (published_on(page) if is_page else None)) if dated else None,
        documents=list(documents),
        group=base if grouped and part else "",
    )


TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
_BLOCK_TAGS = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def html_text(html: str) -> str:
    """Plain text of rich text, with block elements kept apart."""
    return " ".join(strip_tags(_BLOCK_TAGS.sub("\n", html)).split())


def stream_text(value) -> str:
    """Plain text of a StreamField value, for indexing: only text blocks speak, not choices or links."""
    parts: list[str] = []
    if isinstance(value, StreamValue):
        for child in value:
            _collect(child.block, child.value, parts)
    return "\n".join(part for part in parts if part)


def _collect(block, value, parts: list[str]) -> None:
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        parts.append(html_text(value.source))
    elif isinstance(block, ImageBlock):
        # A StructBlock whose value is the image itself; its alt text is what a reader hears of it.
        parts.append("" if getattr(value, "decorative", False) else getattr(value, "contextual_alt_text", "") or "")
    elif isinstance(block, TEXT_BLOCKS):
        parts.append(" ".join(str(value).split()))
    elif isinstance(block, blocks.StructBlock) and not hasattr(value, "get"):
        # A StructBlock whose value is an object, e.g. Wagtail's ImageBlock (an Image): its alt text speaks.
        alt = getattr(value, "contextual_alt_text", "")
        if alt and not getattr(value, "decorative", False):
            parts.append(" ".join(str(alt).split()))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _collect(child_block, value.get(name), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _collect(block.child_block, getattr(item, "value", item), parts)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _collect(child.block, child.value, parts)
