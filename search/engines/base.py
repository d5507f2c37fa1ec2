"""What every engine takes and gives back."""

import datetime
from dataclasses import dataclass, field

from search.text import ParsedQuery

# Facet names, in the order the search page shows them.
FACETS = ("kind", "theme", "municipality", "region", "year")
SORTS = ("relevance", "newest")

# Caps that keep one document's text within what every engine indexes comfortably
# (PostgreSQL's tsvector holds at most 1 MB).
MAX_BODY_CHARS = 100_000
MAX_ATTACHMENT_CHARS = 200_000


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
class Hit:
    key: str
    page_id: int
    title: str
    kind: str
    kind_label: str
    url: str
    date: datetime.date | None
    title_html: str
    snippet_html: str
    municipalities: list[int] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet -> value -> count
    page: int = 1
    suggestion: str = ""
    engine: str = ""
    fell_back: bool = False


def facet_values(document) -> list[tuple[str, str]]:
    """The (facet, value) pairs a SearchDocument is counted under."""
    pairs = [("kind", document.kind)]
    pairs += [("theme", slug) for slug in dict.fromkeys(document.themes)]
    pairs += [("municipality", str(code)) for code in dict.fromkeys(document.municipalities)]
    pairs += [("region", str(code)) for code in dict.fromkeys(document.regions)]
    if document.date:
        pairs.append(("year", str(document.date.year)))
    return pairs


class Engine:
    """What both engines share: a full rebuild is `rebuilding()` fed with every batch."""

    name = ""

    def rebuild(self, batches):
        with self.rebuilding() as add:
            for items in batches:
                add(items)

    def rebuilding(self):  # pragma: no cover - every engine defines it
        raise NotImplementedError
