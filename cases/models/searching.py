"""Helpers that gather what the app's pages give search (the builder is `search.documents.page_document`)."""


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
