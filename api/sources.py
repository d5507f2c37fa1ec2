"""Everything the open-data app reads from the domain apps, imported in this one module.

Nothing imports the api app; it depends on the domain apps only through the names below, so a
model that moves to another app changes one line here.
"""

from cases.blocks import AGENDA_KIND_LABELS
from cases.models import (
    CaseMunicipality,
    CaseOrganisation,
    CasePage,
    MeetingPage,
    WorkshopFacilitator,
    WorkshopOutputPage,
)
from cms.models import Municipality, PageTheme, Region, SiteSettings, Theme, ThemeIndexPage
from search.documents import html_text
from strategies.models import (
    Action,
    ActionPlanPage,
    ActionStatus,
    ActionTheme,
    MunicipalityIndexPage,
    MunicipalityPage,
    StrategyPage,
    StrategyStatus,
)
from strategies.routes import POPULATION_BANDS, comparison_context, coverage_context

# isort: off
from directory.models import Organisation, Person

# isort: on

__all__ = [
    "AGENDA_KIND_LABELS",
    "POPULATION_BANDS",
    "Action",
    "ActionPlanPage",
    "ActionStatus",
    "ActionTheme",
    "CaseMunicipality",
    "CaseOrganisation",
    "CasePage",
    "MeetingPage",
    "Municipality",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "Organisation",
    "PageTheme",
    "Person",
    "Region",
    "SiteSettings",
    "StrategyPage",
    "StrategyStatus",
    "Theme",
    "ThemeIndexPage",
    "WorkshopFacilitator",
    "WorkshopOutputPage",
    "comparison_context",
    "coverage_context",
    "html_text",
]
