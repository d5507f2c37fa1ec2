"""Choosing partners: a searchable chooser of organisations, the page's own municipality first, with "Opret ny".

The strategy and action forms use `OrganisationsChooser` for their partners (a many-to-many field): it lists
the chosen organisations, each with a remove button, and opens Wagtail's chooser modal with several
selectable at once. The modal searches names in the database (`cms.choosers.FieldSearchFilterForm`, exact
and independent of the search index), lists the organisations of the page's municipality first (the
`kommune` URL parameter, else the editor's own municipality), and has a tab that creates a new organisation,
filed under that municipality, which is chosen at once.
"""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetCreateView

from cms.choosers import FieldSearchFilterForm
from cms.permissions import municipal_scope

from .forms import MunicipalityOwnedForm
from .models import Organisation
from .widgets import MUNICIPALITY_PARAMETER


class OrganisationSearchForm(FieldSearchFilterForm):
    search_fields = ("name", "municipality__name")
    q = forms.CharField(
        label=_("Søg"),
        widget=forms.TextInput(attrs={"placeholder": _("Søg efter organisation eller kommune")}),
        required=False,
    )


class OrganisationCreationForm(MunicipalityOwnedForm):
    """The chooser's "Opret ny organisation" tab: the few fields a partner needs; the rest later in the register."""

    # An address typed without a scheme is read as https (Django 6's default; 5.2 warns without it).
    website = forms.URLField(label=_("websted"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "municipality", "website"]
        widgets = {"municipality": forms.Select}

    def __init__(self, *args, municipality_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.widget = forms.Select(choices=field.choices)  # a chooser cannot open inside the chooser's modal
        if municipality_id and field.queryset.filter(pk=municipality_id).exists():
            field.initial = municipality_id


def preferred_municipality(request):
    """The municipality whose organisations come first: the page's (URL parameter), else the editor's own."""
    value = request.GET.get(MUNICIPALITY_PARAMETER, "")
    if value.isdigit():
        return int(value)
    scope = municipal_scope(request.user, "directory.change_organisation")
    return min(scope) if scope else None


class OwnMunicipalityFirstMixin:
    """Orders the organisations of the preferred municipality first, then by name."""

    filter_form_class = OrganisationSearchForm
    per_page = 20

    @cached_property
    def preferred_municipality_id(self):
        return preferred_municipality(self.request)

    def get_object_list(self):
        objects = Organisation.objects.select_related("municipality")
        preferred = self.preferred_municipality_id
        if preferred is None:
            return objects.order_by("name")
        own = Case(When(municipality_id=preferred, then=Value(0)), default=Value(1), output_field=IntegerField())
        return objects.annotate(own_first=own).order_by("own_first", "name")

    def apply_object_list_ordering(self, objects):
        return objects

    @property
    def columns(self):
        return [
            *super().columns,
            Column("municipality", label=_("Kommune"), accessor=lambda obj: obj.municipality or "–"),
            Column("kind", label=_("Type"), accessor="get_kind_display"),
        ]

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        kwargs["for_user"] = self.request.user
        kwargs["municipality_id"] = preferred_municipality(self.request)
        return kwargs


class OrganisationChooseView(OwnMunicipalityFirstMixin, ChooseView):
    pass


class OrganisationChooseResultsView(OwnMunicipalityFirstMixin, ChooseResultsView):
    pass


class OrganisationCreateView(SnippetCreateView):
    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        kwargs["for_user"] = self.request.user
        kwargs["municipality_id"] = preferred_municipality(self.request)
        return kwargs


class OrganisationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    create_view_class = OrganisationCreateView
    creation_form_class = OrganisationCreationForm
    create_action_label = _("Opret organisation")
    creation_tab_label = _("Opret ny organisation")
    preserve_url_parameters = ["multiple", MUNICIPALITY_PARAMETER]
