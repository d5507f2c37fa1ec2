"""Municipalities' pages, strategies, action plans and their actions."""

from .actions import Action, ActionTheme, StrategyLink
from .choices import ActionStatus, StrategyStatus
from .index import MunicipalityIndexPage
from .pages import ActionPlanPage, MunicipalityPage, StrategyPage
from .reviews import ReviewReminder

__all__ = [
    "Action",
    "ActionPlanPage",
    "ActionStatus",
    "ActionTheme",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "ReviewReminder",
    "StrategyLink",
    "StrategyPage",
    "StrategyStatus",
]
