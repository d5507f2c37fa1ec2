"""The statuses of strategies and actions, in the order they are shown."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyStatus(models.TextChoices):
    DRAFTING = "under-udarbejdelse", _("Under udarbejdelse")
    ADOPTED = "vedtaget", _("Vedtaget")
    ACTIVE = "i-gang", _("I gang")
    EVALUATED = "evalueret", _("Evalueret")


class ActionStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planlagt")
    ACTIVE = "i-gang", _("I gang")
    DONE = "gennemfoert", _("Gennemført")
    PAUSED = "sat-paa-pause", _("Sat på pause")
    ABANDONED = "opgivet", _("Opgivet")


def year_validators():
    return [
        MinValueValidator(2000, message=_("Skriv et årstal fra 2000 og frem.")),
        MaxValueValidator(2100, message=_("Skriv et årstal før 2100.")),
    ]


def count_by_status(actions):
    """How many of the actions have each status, in status order, with their share of the whole in per cent."""
    actions = list(actions)
    total = len(actions)
    counts = []
    for value, label in ActionStatus.choices:
        count = sum(1 for action in actions if action.status == value)
        counts.append(
            {
                "status": value,
                "label": label,
                "count": count,
                "percent": round(100 * count / total, 1) if total else 0,
            }
        )
    return counts
