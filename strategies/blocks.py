"""StreamField blocks for strategies: the shared body plus a goal with its indicator and target."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from cms.blocks import BodyBlock


class GoalBlock(blocks.StructBlock):
    """A goal of the strategy, how progress is measured and what the municipality aims for."""

    goal = blocks.CharBlock(label=_("Mål"), max_length=300)
    description = blocks.TextBlock(label=_("Uddybning"), required=False)
    indicator = blocks.CharBlock(
        label=_("Indikator"),
        max_length=300,
        required=False,
        help_text=_("Hvordan fremskridt måles, fx antal deltagere i grønne arrangementer."),
    )
    target = blocks.CharBlock(
        label=_("Målsætning"),
        max_length=300,
        required=False,
        help_text=_("Det, kommunen vil nå, fx 40 arrangementer om året i 2027."),
    )

    class Meta:
        template = "strategies/blocks/goal_block.html"
        icon = "success"
        label = _("Mål")
        description = _("Et mål med indikator og målsætning.")
        preview_value = {
            "goal": "Flere borgere deltager i grønne fællesskaber",
            "description": "",
            "indicator": "Antal deltagere i bibliotekernes reparationscaféer",
            "target": "2.000 deltagere om året i 2027",
        }


class StrategyBodyBlock(BodyBlock):
    """The body of strategies and action plans: text, goals, quotes, images, documents and embeds."""

    goal = GoalBlock()

    class Meta:
        label = _("Indhold")
