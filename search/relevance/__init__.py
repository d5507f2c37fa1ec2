"""The search's relevance set (queries.toml) and its measures: nDCG@5, MRR, P@5, zero-result rate."""

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

QUERIES_FILE = Path(__file__).resolve().parent / "queries.toml"
CUTOFF = 5


@dataclass
class Judged:
    q: str
    category: str
    grades: dict[str, int] = field(default_factory=dict)


def load(path=QUERIES_FILE):
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return [Judged(item["q"], item["category"], dict(item.get("grades", {}))) for item in data["query"]]


@dataclass(frozen=True)
class Document:
    """What a selector is matched against: an indexed document's address, kind and themes."""

    url: str
    kind: str
    themes: frozenset[str]
    group: str = ""  # the result it is shown in (an action: its plan's key); empty: its own


def result_grade(selectors, documents):
    """The grade of one result: the best of the documents it shows (a plan and its matching actions)."""
    return max((grade(selectors, document) for document in documents), default=0)


def group_grades(selectors, documents):
    """The grade of every possible result: documents of one group are one result, graded by its best."""
    best = {}
    for number, document in enumerate(documents):
        key = document.group or f"#{number}"
        best[key] = max(best.get(key, 0), grade(selectors, document))
    return list(best.values())


def grade(selectors, document):
    """The highest grade of the selectors that match the document (0 if none)."""
    url = unquote(document.url)
    best = 0
    for selector, value in selectors.items():
        if selector.startswith("theme:"):
            hit = selector[6:] in document.themes
        elif selector.startswith("kind:"):
            hit = selector[5:] == document.kind
        elif selector.endswith("*"):
            hit = url.startswith(selector[:-1])
        else:
            hit = url == selector
        if hit:
            best = max(best, value)
    return best


def dcg(grades):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:CUTOFF]))


@dataclass
class Scores:
    ndcg: float
    reciprocal_rank: float
    precision: float
    zero: bool


def score(result_grades, all_grades):
    """Measures of one query from the grades of its results in order and of every indexed document."""
    ideal = dcg(sorted(all_grades, reverse=True))
    first = next((rank for rank, g in enumerate(result_grades) if g > 0), None)
    return Scores(
        ndcg=dcg(result_grades) / ideal if ideal else 0.0,
        reciprocal_rank=1 / (first + 1) if first is not None else 0.0,
        precision=sum(1 for g in result_grades[:CUTOFF] if g > 0) / CUTOFF,
        zero=not result_grades,
    )
