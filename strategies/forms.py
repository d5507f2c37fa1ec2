"""Admin forms: strategies and action plans take their municipality from the page they are created under."""

from django.utils.translation import gettext_lazy as _

from security.pageforms import SecurePageForm


def parent_municipality_page(form):
    """The MunicipalityPage a page is being created or edited under, if any."""
    from strategies.models import MunicipalityPage

    parent = getattr(form, "parent_page", None)
    if parent is None and form.instance.pk:
        parent = form.instance.get_parent()
    if parent is None:
        return None
    parent = parent.specific
    return parent if isinstance(parent, MunicipalityPage) else None


class StrategyPageForm(SecurePageForm):
    """Fills in the municipality from the parent page and checks that the two agree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = parent_municipality_page(self)
        if parent is not None and not self.instance.pk and not self.initial.get("municipality"):
            self.initial["municipality"] = parent.municipality_id

    def clean(self):
        cleaned_data = super().clean()
        parent = parent_municipality_page(self)
        municipality = cleaned_data.get("municipality")
        if parent is not None and municipality is not None and municipality.pk != parent.municipality_id:
            self.add_error(
                "municipality",
                _("Strategien ligger under %(name)s og skal høre til den kommune.") % {"name": parent.municipality},
            )
        return cleaned_data


class ActionPlanPageForm(SecurePageForm):
    """Checks that the action plan's strategy belongs to the same municipality as the plan."""

    def clean(self):
        cleaned_data = super().clean()
        parent = parent_municipality_page(self)
        strategy = cleaned_data.get("strategy")
        if parent is not None and strategy is not None:
            strategy = strategy.specific
            if getattr(strategy, "municipality_id", None) != parent.municipality_id:
                self.add_error(
                    "strategy",
                    _("Vælg en strategi fra %(name)s; handlingsplanen hører til den kommune.")
                    % {"name": parent.municipality},
                )
        return cleaned_data
