"""The admin form of strategies and action plans: the partner chooser knows the page's municipality."""

from cms.forms import ParentAwarePageForm
from directory.widgets import set_partner_municipality


def page_municipality_id(page, parent):
    """The municipality a strategy or action plan belongs to: its own field, else the municipality page above it."""
    municipality_id = getattr(page, "municipality_id", None)
    if municipality_id is None and parent is not None:
        municipality_id = getattr(parent.specific, "municipality_id", None)
    if municipality_id is None and page.pk:
        municipality_id = getattr(page.get_parent().specific, "municipality_id", None)
    return municipality_id


class MunicipalPageForm(ParentAwarePageForm):
    """Puts the page's own municipality's organisations first when partners are chosen (also on saved actions)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipality_id = page_municipality_id(self.instance, self.parent_page)
        if municipality_id is None:
            return
        set_partner_municipality(self, municipality_id)
        for formset in self.formsets.values():
            for form in formset.forms:
                set_partner_municipality(form, municipality_id)
