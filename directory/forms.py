"""The admin form of organisations and people (see directory/permissions.py for who may change which)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from cms.models import Municipality
from cms.permissions import municipal_scope


class MunicipalityOwnedForm(WagtailAdminModelForm):
    """The admin form of organisations and people: a municipal editor files a new row under their municipality.

    For them the municipality is a required choice among their own (one: chosen already); KL editors choose
    freely, and may leave it empty.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        if field is None or self.for_user is None:
            return
        scope = municipal_scope(
            self.for_user, f"{self._meta.model._meta.app_label}.change_{self._meta.model._meta.model_name}"
        )
        if scope is None:
            return
        field.queryset = Municipality.objects.filter(pk__in=scope).order_by("short_name")
        field.required = True
        field.empty_label = None if len(scope) == 1 else "---------"
        field.widget = forms.Select(choices=field.choices)
        field.help_text = _("Du kan oprette og rette organisationer og personer i din egen kommune.")
        if not self.instance.pk and len(scope) == 1:
            field.initial = next(iter(scope))
