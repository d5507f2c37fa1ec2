"""Admin and site hooks of the cases app."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail import hooks

from .models import CasePage
from .models.knowledge import attach_meetings


@hooks.register("organisation_page_sections")
def organisation_cases(organisation, request):
    """The published cases an organisation takes part in, newest meeting first, for its public page."""
    cases = list(CasePage.objects.live().public().filter(organisation_links__organisation=organisation).distinct())
    if not cases:
        return []
    attach_meetings(cases)
    cases.sort(key=lambda case: (case.meeting_date is not None, case.meeting_date, case.title), reverse=True)
    items = []
    for case in cases:
        meta = ""
        if case.meeting is not None:
            meta = _("Case fra %(meeting)s, %(date)s") % {
                "meeting": case.meeting.title,
                "date": date_format(case.meeting.date, "j. F Y"),
            }
        items.append({"title": case.title, "url": case.get_url(request), "meta": meta})
    return [{"heading": _("Cases fra netværksmøderne"), "items": items}]
