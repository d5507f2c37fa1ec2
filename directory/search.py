"""What organisations and people give search: what their public pages show (the builder is `page_document`).

An organisation's page always exists; a person's only while they appear in published, public content,
so a person without appearances yields no document. Work e-mail, telephone and photo are left out of
the text: a visitor finds a person by name, role, organisation, biography and appearances.
"""

from django.utils import translation

from search.documents import Kind, page_document

from .sections import organisation_sections, person_sections


def _section_text(sections):
    items = [item for section in sections for item in section["items"]]
    return [" ".join(filter(None, [item.get("title", ""), str(item.get("meta", ""))])) for item in items]


def organisation_documents(organisation):
    with translation.override("da"):
        sections = organisation_sections(organisation, None)
        municipality = organisation.municipality
        yield page_document(
            organisation,
            kind=Kind.ORGANISATION,
            title=organisation.name,
            summary=organisation.description,
            body=[
                str(organisation.get_kind_display()),
                municipality.name if municipality else "",
                *_section_text(sections),
            ],
            municipalities=[municipality],
            themes=[],
            dated=False,
        )


def person_documents(person):
    with translation.override("da"):
        sections = person_sections(person, None)
        if not sections:
            return
        organisation = person.organisation
        yield page_document(
            person,
            kind=Kind.PERSON,
            title=person.name,
            summary=", ".join(part for part in (person.job_title, person.organisation_label) if part),
            body=[person.bio, *_section_text(sections)],
            municipalities=[organisation.municipality if organisation else None],
            themes=[],
            dated=False,
        )
