"""Shared set-up for the cases app's tests."""

import datetime

from cases.factories import (
    CasePageFactory,
    ConferencePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    WorkshopOutputPageFactory,
)
from cms.tests.utils import make_home_page
from directory.factories import PersonFactory


def publish(page):
    """Publish the page the way an editor does, so signal handlers run."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def agenda_item(title, *, kind="oplaeg", time=None, speakers=(), page=None, slides=None, description=""):
    return (
        "item",
        {
            "time": time,
            "title": title,
            "kind": kind,
            "description": description,
            "speakers": list(speakers),
            "page": page,
            "slides": slides,
        },
    )


def build_site():
    """Home, meeting index, one meeting with a case and a workshop, and a conference."""
    home = make_home_page()
    index = MeetingIndexPageFactory(parent=home)
    speaker = PersonFactory(name="Oline Oplægsholder")
    meeting = MeetingPageFactory(
        parent=index,
        title="Netværksmøde i Aarhus",
        slug="aarhus-moede",
        date=datetime.date(2024, 6, 20),
        city="Aarhus",
    )
    case = CasePageFactory(parent=meeting, title="Reparationscafé", slug="reparationscafe")
    workshop = WorkshopOutputPageFactory(parent=meeting, title="Grønt mødested", slug="groent-moedested")
    meeting.programme = [
        agenda_item("Klima og kultur", time=datetime.time(10, 0), speakers=[speaker]),
        agenda_item("Casen", kind="case", page=case),
        agenda_item("Workshoppen", kind="workshop", page=workshop),
    ]
    publish(meeting)
    conference = ConferencePageFactory(parent=home, title="Konference 2026", slug="konference")
    return {
        "home": home,
        "index": index,
        "meeting": meeting,
        "case": case,
        "workshop": workshop,
        "conference": conference,
        "speaker": speaker,
    }
