"""The contract between page types and search: what a published page contributes.

A page type joins search by defining `search_documents(self)`, which yields one or more
`SearchDocument`s (an action plan yields itself and one per action, each with its own URL).
The search app finds every page model with that method; nothing else has to be registered.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks import StreamValue


@dataclass
class SearchDocument:
    """One hit in search: the fields every engine indexes, filters and shows."""

    key: str  # stable and unique: "page:<id>" or "page:<id>:action:<id>"
    page_id: int  # the live page the document comes from (for privacy and updates)
    title: str
    kind: str  # machine name of the content type, e.g. "strategy", "action", "case"
    kind_label: str  # what visitors read, e.g. "Strategi"
    url: str  # path on the site, with a #fragment for parts of a page
    summary: str = ""
    body: str = ""  # plain text
    themes: list[str] = field(default_factory=list)  # theme slugs
    municipalities: list[int] = field(default_factory=list)  # municipality codes
    regions: list[int] = field(default_factory=list)  # region codes
    date: datetime.date | None = None  # what "newest" sorts by and the year facet counts
    documents: list = field(default_factory=list)  # wagtail Documents whose PDF text is indexed


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
    elif isinstance(block, TEXT_BLOCKS):
        parts.append(" ".join(str(value).split()))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _collect(child_block, value.get(name), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _collect(block.child_block, getattr(item, "value", item), parts)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _collect(child.block, child.value, parts)
