"""What the public organisation and person pages list, asked of the apps that use the directory by hook.

Shared by the pages (views.py) and by what the pages give search (search.py), so search finds what the
page shows and nothing more.
"""

from wagtail import hooks


def hook_sections(hook_name, obj, request):
    """The sections every function registered for the hook adds, in hook order; empty sections are left out."""
    sections = []
    for hook in hooks.get_hooks(hook_name):
        sections.extend(section for section in hook(obj, request) or [] if section.get("items"))
    return sections


def organisation_sections(organisation, request):
    return hook_sections("organisation_page_sections", organisation, request)


def person_sections(person, request):
    """A person's public appearances; without any, the person has no public page."""
    return hook_sections("person_page_sections", person, request)
