"""The base form of every page type: it refuses choices the editor may not make and stale saves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import ErrorList
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from .choices import may_choose


def chosen_objects(block, value):
    """Every model instance chosen anywhere inside a block value (StreamField, struct, list)."""
    if value is None:
        return
    if isinstance(block, ImageBlock | blocks.ChooserBlock):
        if isinstance(value, models.Model):
            yield value
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from chosen_objects(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from chosen_objects(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from chosen_objects(block.child_block, item)


def _key(obj):
    return (obj._meta.concrete_model._meta.label_lower if hasattr(obj, "_meta") else "", obj.pk)


def refused_message(obj):
    return _("Du har ikke adgang til at vælge “%(title)s” (id %(id)s). Vælg et andet.") % {
        "title": getattr(obj, "title", obj),
        "id": obj.pk,
    }


def check_choices(form, instance):
    """Add a field error for every newly chosen image, document or page the user may not choose.

    What the object already had stays allowed, so an editor can still save a page a KL editor gave
    an image from another collection.
    """
    user = getattr(form, "for_user", None)
    if user is None:
        return
    for name in list(form.fields):
        if name not in form.cleaned_data:
            continue
        value = form.cleaned_data[name]
        model_field = _model_field(instance, name)
        if isinstance(model_field, models.ForeignKey) and isinstance(value, models.Model):
            if value.pk != getattr(instance, model_field.attname) and not may_choose(user, value):
                form.add_error(name, refused_message(value))
        elif isinstance(model_field, StreamField) and value is not None:
            before = {_key(obj) for obj in chosen_objects(model_field.stream_block, getattr(instance, name))}
            refused = [
                obj
                for obj in chosen_objects(model_field.stream_block, value)
                if _key(obj) not in before and not may_choose(user, obj)
            ]
            if refused:
                errors = ErrorList([ValidationError(refused_message(obj)) for obj in refused])
                form.add_error(name, StreamBlockValidationError(non_block_errors=errors))


def _model_field(instance, name):
    try:
        return instance._meta.get_field(name)
    except Exception:  # noqa: BLE001 (form fields that are not model fields)
        return None


class SecurePageForm(WagtailAdminPageForm):
    """WagtailAdminPageForm with two server-side checks Wagtail leaves to the browser or the chooser.

    - Images, documents and pages chosen (fields, StreamField blocks and inline panels) must be ones
      the editor may choose (security.choices).
    - A save based on an older revision than the latest is refused with a link to the newer version,
      instead of silently replacing another editor's work.
    """

    def clean(self):
        cleaned_data = super().clean()
        self.check_stale()
        check_choices(self, self.instance)
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        for formset in getattr(self, "formsets", {}).values():
            for child in formset.forms:
                if hasattr(child, "cleaned_data") and not child.cleaned_data.get("DELETE"):
                    child.for_user = self.for_user
                    check_choices(child, child.instance)
                    if child.errors:
                        valid = False
        return valid

    def check_stale(self):
        page = self.instance
        if not page.pk or not self.is_bound:
            return
        loaded = self.data.get("overwrite_revision_id") or self.data.get("loaded_revision_id")
        if not loaded:
            return
        latest = page.get_latest_revision()
        if latest is None:
            return
        stale = str(latest.pk) != str(loaded)
        if not stale and not self.data.get("overwrite_revision_id"):
            loaded_at = self.data.get("loaded_revision_created_at")
            stale = bool(loaded_at) and loaded_at != latest.created_at.isoformat()
        if stale:
            author = latest.user.get_full_name() or latest.user.get_username() if latest.user else _("en anden")
            raise ValidationError(
                format_html(
                    '{} <a href="{}" target="_blank">{}</a>',
                    _(
                        "Siden er gemt af %(user)s %(when)s, efter du åbnede den. Dine ændringer er ikke gemt, "
                        "så de ikke overskriver den nyere version. Åbn den nyeste version, og før dine "
                        "ændringer over i den."
                    )
                    % {"user": author, "when": date_format(localtime(latest.created_at), "j. F Y \\k\\l. H:i")},
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    _("Åbn den nyeste version"),
                ),
                code="stale_revision",
            )
