"""Admin and site hooks of the cases app."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page

from cms.home import HomeSection, latest_pages_section

from .models import CasePage, ConferencePage, MeetingPage, Talk, WorkshopOutputPage, today
from .models.meetings import attach_meetings

HOME_MEETINGS = 3


@hooks.register("organisation_page_sections", order=20)
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


@hooks.register("person_page_sections", order=20)
def person_appearances(person, request):
    """A person's talks, the workshops they facilitated and the cases they are contact for, for their page."""
    visible = Page.objects.live().public()
    talks = Talk.objects.filter(person=person, page__in=visible).select_related("page")
    workshops = list(
        WorkshopOutputPage.objects.filter(pk__in=visible, facilitators__person=person).distinct().order_by("title")
    )
    cases = list(CasePage.objects.filter(pk__in=visible, contact_person=person).order_by("title"))
    attach_meetings(workshops + cases)

    def meeting_items(pages):
        return [
            {"title": page.title, "url": page.get_url(request), "meta": page.meeting.title if page.meeting else ""}
            for page in pages
        ]

    return [
        {
            "key": "talks",
            "heading": _("Oplæg"),
            "items": [
                {
                    "title": talk.title,
                    "url": f"{talk.page.get_url(request)}#{talk.anchor}",
                    "meta": talk.page.title,
                    "date": talk.date,
                }
                for talk in talks
            ],
        },
        {"key": "workshops", "heading": _("Workshops"), "items": meeting_items(workshops)},
        {"key": "cases", "heading": _("Kontaktperson for"), "items": meeting_items(cases)},
    ]


@hooks.register("municipality_feed_pages")
def municipality_cases(municipality):
    """The cases a municipality takes part in, for its feed (strategies.feeds.MunicipalityFeed)."""
    return municipality.case_links.values("case_id")


def upcoming_for_home(on=None, limit=HOME_MEETINGS):
    """What the home page shows of the network's calendar: the next meetings and the next conference."""
    on = on or today()
    meetings = list(MeetingPage.objects.live().public().filter(date__gte=on).order_by("date", "start_time")[:limit])
    conference = ConferencePage.objects.live().public().filter(date__gte=on).order_by("date").first()
    if not meetings and conference is None:
        return None
    # One list in date order: a conference in December comes before a meeting in February.
    events = [*meetings, *([conference] if conference else [])]
    events.sort(key=lambda event: event.date)
    return {"meetings": meetings, "conference": conference, "events": events}


@hooks.register("home_page_sections")
def upcoming_meetings_section(request, home_page):
    """The home page section "Kommende møder" (cms.home's contract: a HomeSection, or None to hide it)."""
    context = upcoming_for_home()
    if context is None:
        return None
    return HomeSection(key="meetings", order=40, template="cases/home/upcoming_meetings.html", context=context)


@hooks.register("home_page_sections")
def latest_cases_section(request, home_page):
    """The newest published cases and workshop outputs on the home page; hidden while there are none."""
    return latest_pages_section("latest-cases", 55, "cases/home/latest_cases.html", CasePage, WorkshopOutputPage)
