"""Meetings, cases, workshop outputs, the conference and who speaks where."""

from .events import EventMixin, today
from .knowledge import (
    CaseMunicipality,
    CaseOrganisation,
    CasePage,
    CaseStrategyLink,
    WorkshopFacilitator,
    WorkshopOutputPage,
)
from .meetings import ConferencePage, MeetingIndexPage, MeetingPage
from .talks import Talk, rebuild_talks, remove_talks

__all__ = [
    "CaseMunicipality",
    "CaseOrganisation",
    "CasePage",
    "CaseStrategyLink",
    "ConferencePage",
    "EventMixin",
    "MeetingIndexPage",
    "MeetingPage",
    "Talk",
    "WorkshopFacilitator",
    "WorkshopOutputPage",
    "rebuild_talks",
    "remove_talks",
    "today",
]
