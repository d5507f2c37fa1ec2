"""The calendar files of meetings and the conference."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site

from cms import content_cache

from .calendar import build_calendar, filename_for
from .models import ConferencePage, MeetingIndexPage, MeetingPage


def public_pages():
    return Page.objects.live().public()


@require_safe
def calendar_file(request, path):
    """The .ics file of a meeting or conference page, or of all of them for the meeting index.

    Built once per content change (cms.content_cache): the calendar of every meeting grows with the
    network, and each event reads its programme's speakers and pages.
    """
    return content_cache.cached_response(request, f"calendar:{path}", lambda: _calendar_response(request, path))


def _calendar_response(request, path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = site.root_page.url_path + path
    page = public_pages().filter(url_path=url_path).first()
    if page is None:
        raise Http404
    page = page.specific
    if isinstance(page, MeetingIndexPage):
        events = list(page.meetings()) + list(ConferencePage.objects.live().public().order_by("date"))
        name = _("Grønne partnerskaber: netværksmøder og konference")
        filename = "netvaerksmoeder.ics"
    elif isinstance(page, MeetingPage | ConferencePage):
        events, name, filename = [page], page.title, filename_for(page)
    else:
        raise Http404
    body = build_calendar(events, request, name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response
