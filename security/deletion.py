"""Snippet deletion that is refused with a clear message while the object is still in use.

Wagtail's delete confirmation counts references from its reference index, which knows neither
protected foreign keys (a region's municipalities: deleting gave a 500 after "referenced 0 times")
nor taggit's link rows (deleting a theme silently changed every page tagged with it and left its
search facet behind). Both are refused here before the confirmation page is shown, and again on POST.
"""

from django.contrib import messages
from django.db import DEFAULT_DB_ALIAS
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import TaggedItemBase
from wagtail.admin.admin_url_finder import quote
from wagtail.snippets.views.snippets import DeleteView


def protected_counts(obj):
    """{verbose_name_plural: count} of the objects whose PROTECT foreign keys block deleting `obj`."""
    collector = Collector(using=DEFAULT_DB_ALIAS)
    try:
        collector.collect([obj])
    except ProtectedError as error:
        counts = {}
        for protected in error.protected_objects:
            label = str(protected._meta.verbose_name_plural)
            counts[label] = counts.get(label, 0) + 1
        return counts
    return {}


def tagged_counts(obj):
    """{verbose_name_plural: count} of taggit link rows (pages, actions …) that use the tag `obj`."""
    counts = {}
    for relation in type(obj)._meta.related_objects:
        if issubclass(relation.related_model, TaggedItemBase):
            count = relation.related_model._default_manager.filter(**{relation.field.name: obj}).count()
            if count:
                label = str(relation.related_model._meta.verbose_name_plural)
                counts[label] = counts.get(label, 0) + count
    return counts


def in_use_message(obj):
    counts = {**protected_counts(obj), **tagged_counts(obj)}
    if not counts:
        return ""
    uses = ", ".join(f"{count} {label}" for label, count in counts.items())
    return _("“%(object)s” kan ikke slettes, fordi det stadig bruges af: %(uses)s. Fjern eller flyt dem først.") % {
        "object": obj,
        "uses": uses,
    }


class GuardedDeleteView(DeleteView):
    """The snippet delete view, refused with a message while the object is in use."""

    def dispatch(self, request, *args, **kwargs):
        message = in_use_message(self.object)
        if message:
            messages.error(request, message)
            if self.edit_url_name:
                return redirect(reverse(self.edit_url_name, args=(quote(self.object.pk),)))
            return redirect(reverse(self.index_url_name))
        return super().dispatch(request, *args, **kwargs)
