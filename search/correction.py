"""Zero results that correct themselves: when a query finds nothing and its spelling correction
finds something, the corrected results are shown at once (the page says so and links the query as
typed). A query with "quoted words" is not replaced: its correction is offered ("Mente du …?").
A correction that would find nothing is never offered.
"""

import dataclasses

from search.text import parse_query


@dataclasses.dataclass
class Answer:
    """What the search page shows: the results, and the query they are for when it was corrected."""

    results: object  # SearchResults
    corrected_from: str = ""  # the query as typed, when `results` are those of the correction
    corrected_to: str = ""  # the corrected query


def search_with_correction(engine, request):
    """Search; when nothing is found, search the engine's suggestion and show that if it finds something."""
    results = engine.search(request)
    if results.total or request.query.is_empty or not results.suggestion:
        return Answer(results)
    corrected_query = parse_query(results.suggestion)
    if corrected_query.cache_key == request.query.cache_key:
        return Answer(dataclasses.replace(results, suggestion=""))
    corrected = engine.search(dataclasses.replace(request, query=corrected_query))
    if not corrected.total:
        return Answer(dataclasses.replace(results, suggestion=""))
    if request.query.phrases:
        # Quoted words ask for exactly those words: the correction is offered, not applied.
        return Answer(results)
    return Answer(
        dataclasses.replace(corrected, suggestion=""),
        corrected_from=request.query.text,
        corrected_to=corrected_query.text,
    )
