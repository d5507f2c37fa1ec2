"""The partner field's widget: the chosen organisations, and a button that opens the organisation chooser.

The chooser itself (search, own municipality first, "Opret ny organisation") is in `directory/choosers.py`.
"""

from django import forms
from django.apps import apps
from django.urls import reverse

MUNICIPALITY_PARAMETER = "kommune"


class OrganisationsChooser(forms.SelectMultiple):
    """Chosen organisations as a list with remove buttons, and a button that opens the chooser modal.

    `municipality_id` (set by the page form) puts that municipality's organisations first in the modal.
    """

    template_name = "directory/widgets/organisations_chooser.html"
    municipality_id = None

    class Media:
        js = [
            "wagtailadmin/js/modal-workflow.js",
            "wagtailadmin/js/chooser-modal.js",
            "directory/js/organisations-chooser.js",
        ]

    def chooser_url(self):
        Organisation = apps.get_model("directory", "Organisation")  # the models import this module
        url = reverse(Organisation.snippet_viewset.chooser_viewset.get_url_name("choose"))
        return f"{url}?{MUNICIPALITY_PARAMETER}={self.municipality_id}" if self.municipality_id else url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [int(v) for v in (value or []) if str(v).isdigit()]
        Organisation = apps.get_model("directory", "Organisation")
        chosen = {o.pk: o for o in Organisation.objects.filter(pk__in=ids).select_related("municipality")}
        context["widget"]["chosen"] = [chosen[pk] for pk in ids if pk in chosen]
        context["widget"]["chooser_url"] = self.chooser_url()
        return context

    def value_from_datadict(self, data, files, name):
        return [value for value in data.getlist(name) if value] if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # no hidden input at all means "no partners", as an empty multi-select does

    def format_value(self, value):
        if value is None:
            return []
        return [str(getattr(v, "pk", v)) for v in value]


def set_partner_municipality(form, municipality_id, field_name="partners"):
    """Let the form's partner chooser put `municipality_id`'s organisations first (a copy of the widget per form)."""
    field = form.fields.get(field_name)
    if field is not None and isinstance(field.widget, OrganisationsChooser):
        field.widget = OrganisationsChooser(attrs=field.widget.attrs)
        field.widget.municipality_id = municipality_id
        field.widget.choices = field.choices
