"""The editors' synonym groups (snippet "Synonymgrupper"), as every engine applies them at query time.

Read at each search (a small table), so a change counts from the next search on, with no reindex.
"""

import dataclasses

from search.analysis import synonym_table
from search.models import SynonymGroup


def synonym_groups():
    """Every group's words and phrases, e.g. [["genbrug", "genanvendelse", "cirkulær økonomi"], ...]."""
    return [group.word_list() for group in SynonymGroup.objects.all()]


def current_synonyms():
    """Term of a one-word member → the other members of its groups."""
    return synonym_table(synonym_groups())


def with_synonyms(request):
    """The search request with the current synonyms applied to its query."""
    if request.query.is_empty:
        return request
    return dataclasses.replace(request, query=request.query.with_synonyms(current_synonyms()))
