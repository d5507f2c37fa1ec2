"""The public organisation and person pages; what they list comes from the apps that use the directory, by hook.

- `organisation_page_sections`: `(organisation, request)` → a list of `{"heading", "items"}` sections.
- `person_page_sections`: `(person, request)` → a list of `{"key", "heading", "items"}` sections; a person
  page exists only while some section has items (the directory itself is not published).

Items are dicts with `title`, `url` and optionally `meta`, `date` and `description`; only live, public
content belongs in them.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .models import Organisation, Person
from .sections import organisation_sections, person_sections


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "sections": organisation_sections(organisation, request),
            "meta_title": organisation.name,
            "meta_description": organisation.description,
        },
    )


@require_safe
def person_detail(request, slug):
    """A speaker's or contact person's page: who they are and where they appear on the site."""
    person = get_object_or_404(Person.objects.select_related("organisation", "photo"), slug=slug)
    sections = person_sections(person, request)
    if not sections:
        raise Http404(_("Personen har ingen offentlige oplæg eller cases."))
    description = ", ".join(part for part in (person.name, person.job_title, person.organisation_label) if part)
    context = {
        "person": person,
        "sections": sections,
        # For the site's sharing metadata on views that are not pages.
        "meta_title": person.name,
        "meta_description": description,
        "meta_image": person.public_photo,
    }
    return render(request, "directory/person_detail.html", context)
