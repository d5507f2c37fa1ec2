"""Admin form data for strategies and action plans, as the page editor posts it."""

import re

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

MULTIPLE_CHOICE = re.compile(r"^(.*partners)-\d+$")


def flatten(data):
    """nested_form_data, with multiple-choice fields (partners) posted as one key with several values."""
    flat = {}
    for key, value in nested_form_data(data).items():
        match = MULTIPLE_CHOICE.match(key)
        if match:
            flat.setdefault(match.group(1), []).append(value)
        else:
            flat[key] = value
    return flat


def strategy_form_data(**overrides):
    data = {
        "title": "Grøn kulturstrategi",
        "slug": "groen-kulturstrategi",
        "municipality": "",
        "intro": "Et kort resumé.",
        "status": "vedtaget",
        "adopted_on": "",
        "period_start": "2025",
        "period_end": "2028",
        "hero_image": "",
        "hero_image_alt": "",
        "vision": "Kulturen samler os om omstillingen.",
        "goals": rich_text("<p>Flere grønne fællesskaber.</p>"),
        "body": streamfield(
            [
                (
                    "goal",
                    {"goal": "Flere deltagere", "description": "", "indicator": "Antal", "target": "1.000"},
                )
            ]
        ),
        "themes": "",
        "partners": [],
        "contact": "",
        "document": "",
        "other_plans": inline_formset([]),
    }
    data.update(overrides)
    return flatten(data)


def action_form(**overrides):
    data = {
        "title": "Reparationscafé",
        "description": "",
        "status": "planlagt",
        "start_date": "",
        "end_date": "",
        "responsible": "",
        "partners": [],
        "budget": "",
        "indicator": "",
        "target": "",
        "themes": "",
    }
    data.update(overrides)
    return data


def action_plan_form_data(actions=(), **overrides):
    data = {
        "title": "Handlingsplan",
        "slug": "handlingsplan",
        "strategy": "",
        "intro": "",
        "period_start": "2025",
        "period_end": "2026",
        "body": streamfield([]),
        "themes": "",
        "contact": "",
        "actions": inline_formset(list(actions)),
    }
    data.update(overrides)
    return flatten(data)
