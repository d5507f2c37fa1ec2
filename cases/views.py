"""A person's public page and the calendar files."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site

from cms.models import Person

from .calendar import build_calendar, filename_for, site_host
from .models import CasePage, ConferencePage, MeetingIndexPage, MeetingPage, Talk, WorkshopOutputPage
from .models.knowledge import attach_meetings


def public_pages():
    return Page.objects.live().public()


@require_safe
def person_detail(request, slug):
    """A speaker's or contact person's page: who they are and where they have spoken.

    Only people who appear on published, public content have a page; the directory itself
    is not published.
    """
    person = get_object_or_404(Person.objects.select_related("organisation", "photo"), slug=slug)
    visible = public_pages()
    talks = list(Talk.objects.filter(person=person, page__in=visible).select_related("page"))
    workshops = list(
        WorkshopOutputPage.objects.filter(pk__in=visible, facilitators__person=person).distinct().order_by("title")
    )
    cases = list(CasePage.objects.filter(pk__in=visible, contact_person=person).order_by("title"))
    if not (talks or workshops or cases):
        raise Http404(_("Personen har ingen offentlige oplæg eller cases."))
    attach_meetings(workshops + cases)
    description = ", ".join(part for part in (person.name, person.job_title, person.organisation_label) if part)
    context = {
        "person": person,
        "talks": talks,
        "workshops": workshops,
        "cases": cases,
        # For the site's sharing metadata on views that are not pages.
        "meta_title": person.name,
        "meta_description": description,
        "meta_image": person.public_photo,
    }
    return render(request, "cases/person_detail.html", context)


@require_safe
def calendar_file(request, path):
    """The .ics file of a meeting or conference page, or of all of them for the meeting index."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = site.root_page.url_path + path
    page = public_pages().filter(url_path=url_path).first()
    if page is None:
        raise Http404
    page = page.specific
    host = site_host(site)
    if isinstance(page, MeetingIndexPage):
        events = list(page.meetings()) + list(ConferencePage.objects.live().public().order_by("date"))
        name = _("Grønne partnerskaber: netværksmøder og konference")
        filename = "netvaerksmoeder.ics"
    elif isinstance(page, MeetingPage | ConferencePage):
        events, name, filename = [page], page.title, filename_for(page)
    else:
        raise Http404
    body = build_calendar(events, request, name, host)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response
