"""What every engine takes and gives back, and the interface each one implements (`SearchEngine`)."""

import datetime
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from search.documents import SearchDocument, kind_label
from search.text import ParsedQuery

# Facet names, in the order the search page shows them.
FACETS = ("kind", "theme", "municipality", "region", "year")
SORTS = ("relevance", "newest")

# Caps that keep one document's text within what every engine indexes comfortably
# (PostgreSQL's tsvector holds at most 1 MB).
MAX_BODY_CHARS = 100_000
MAX_ATTACHMENT_CHARS = 200_000

# Documents that are not pages (organisations, people) rank at this fraction of a page's score for
# the same match: a visitor typing a town's name wants its strategy and plan before the names of
# its institutions, and a person's name still finds the person among the first.
NOT_PAGE_WEIGHT = 0.5

# What the index is fed: a document and the text of its attached PDFs.
Item = tuple[SearchDocument, str]


def last_page(total: int, per_page: int) -> int:
    """The number of the last page of results (1 when there are none)."""
    return max((total + per_page - 1) // per_page, 1)


@dataclass
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet -> accepted values
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Match:
    """A part of a result that matched on its own (an action in its plan's result), linked to its place."""

    title: str
    url: str  # with the part's #fragment
    kind: str
    title_html: str = ""


@dataclass
class Hit:
    key: str
    page_id: int
    title: str
    kind: str  # a `Kind` value
    url: str
    date: datetime.date | None
    title_html: str
    snippet_html: str
    municipalities: list[int] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    # The parts of this result that matched (an action plan's actions), best first; the result
    # itself is the group's own document, whether or not it matched too.
    matches: list[Match] = field(default_factory=list)

    @property
    def kind_label(self):
        """The kind as visitors read it, in the language active when it is shown."""
        return kind_label(self.kind)


@dataclass
class SearchResults:
    total: int  # results, where a group (a plan and its matching actions) is one
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet -> value -> count
    page: int = 1  # the page given (a page beyond the last becomes the last)
    per_page: int = 10
    suggestion: str = ""
    engine: str = ""
    fell_back: bool = False

    @property
    def last_page(self) -> int:
        return last_page(self.total, self.per_page)


@runtime_checkable
class SearchEngine(Protocol):
    """The interface of every engine: the public search reads through it, the pipeline writes through it."""

    name: str

    def search(self, request: SearchRequest) -> SearchResults:
        """Total, one page of hits (marked title and snippet), every facet's counts, a spelling suggestion."""

    def index(self, items: Iterable[Item], page_ids: Iterable[int], object_keys: Iterable[str] = ()) -> None:
        """Replace every document of `page_ids` and of `object_keys` (non-page objects, `<model>:<id>`) with `items`."""

    def remove(self, page_ids: Iterable[int], object_keys: Iterable[str] = ()) -> None:
        """Drop every document of `page_ids` and of `object_keys`."""

    def clear(self) -> None:
        """Empty the index."""

    def rebuilding(self) -> AbstractContextManager[Callable[[Iterable[Item]], None]]:
        """Build the index anew through the yielded `add(items)`; visitors see the old one until it is done."""

    def rebuild(self, batches: Iterable[Iterable[Item]]) -> None:
        """`rebuilding()` fed with every batch."""

    def count(self) -> int:
        """How many documents the index holds."""


def facet_values(document) -> list[tuple[str, str]]:
    """The (facet, value) pairs a SearchDocument is counted under."""
    pairs = [("kind", str(document.kind))]  # a Kind reads as its value
    pairs += [("theme", slug) for slug in dict.fromkeys(document.themes)]
    pairs += [("municipality", str(code)) for code in dict.fromkeys(document.municipalities)]
    pairs += [("region", str(code)) for code in dict.fromkeys(document.regions)]
    if document.date:
        pairs.append(("year", str(document.date.year)))
    return pairs


class EngineBase:
    """What every engine shares: a full rebuild is `rebuilding()` fed with every batch."""

    name = ""

    def rebuild(self, batches):
        with self.rebuilding() as add:
            for items in batches:
                add(items)
