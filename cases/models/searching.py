"""Helpers that turn the app's pages into search documents (see search/documents.py)."""

from search.documents import SearchDocument


def page_document(page, *, kind, kind_label, body, date=None, municipalities=(), documents=(), themes=None):
    """The search document for a whole page, with themes, municipalities and regions filled in."""
    if themes is None:
        themes = [theme.slug for theme in page.themes.all()] if hasattr(page, "themes") else []
    municipalities = list(municipalities)
    return SearchDocument(
        key=f"page:{page.pk}",
        page_id=page.pk,
        title=page.title,
        kind=kind,
        kind_label=str(kind_label),
        url=page.url or "",
        summary=page.summary or "",
        body="\n".join(part for part in (page.intro, body) if part),
        themes=themes,
        municipalities=[municipality.code for municipality in municipalities],
        regions=sorted({municipality.region.code for municipality in municipalities}),
        date=date,
        documents=list(documents),
    )


def _programme_values(programme):
    for block in programme:
        yield block.value


def programme_speakers(programme):
    """Everyone speaking in a programme StreamField, each once, in order of appearance."""
    seen = {}
    for value in _programme_values(programme):
        for person in value.get("speakers") or []:
            if person is not None:
                seen.setdefault(person.pk, person)
    return list(seen.values())


def programme_documents(programme):
    """The slides attached to a programme's items."""
    found = {}
    for value in _programme_values(programme):
        slides = value.get("slides")
        if slides is not None:
            found.setdefault(slides.pk, slides)
    return list(found.values())


def stream_documents(*streams):
    """The documents in document blocks of one or more StreamFields."""
    found = {}
    for stream in streams:
        for block in stream:
            if block.block_type == "document" and block.value.get("document") is not None:
                found.setdefault(block.value["document"].pk, block.value["document"])
    return list(found.values())
