"""Snippet choosers that scale: a search box over plain database fields.

Wagtail's chooser offers search only for models in its search index, and finds only rows that were
indexed; the municipalities are loaded by a migration, which indexes nothing. For a short, fixed list a
case-insensitive match on a few columns is exact and needs no index, so these choosers search the database.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


class FieldSearchFilterForm(BaseFilterForm):
    """A search box over `search_fields` (contains, any case); digits also match `number_field` exactly."""

    search_fields = ()
    number_field = None

    q = forms.CharField(
        label=_("Søg"),
        widget=forms.TextInput(attrs={"placeholder": _("Søg efter navn")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()[:100]
        if query:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            if self.number_field and query.isdigit():
                condition |= Q(**{self.number_field: int(query)})
            objects = objects.filter(condition)
            self.is_searching = True
            self.search_query = query
        return objects


def searchable_chooser_viewset(search_fields, number_field=None, placeholder=None):
    """A SnippetChooserViewSet class whose chooser searches the given fields."""
    attrs = {"search_fields": tuple(search_fields), "number_field": number_field}
    if placeholder:
        attrs["q"] = forms.CharField(
            label=_("Søg"), widget=forms.TextInput(attrs={"placeholder": placeholder}), required=False
        )
    filter_form = type("SearchFilterForm", (FieldSearchFilterForm,), attrs)
    choose = type("ChooseView", (ChooseView,), {"filter_form_class": filter_form})
    results = type("ChooseResultsView", (ChooseResultsView,), {"filter_form_class": filter_form})
    return type(
        "SearchableSnippetChooserViewSet",
        (SnippetChooserViewSet,),
        {"choose_view_class": choose, "choose_results_view_class": results},
    )
