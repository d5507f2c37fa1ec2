"""The admin's "Synonymgrupper": words that mean the same to a visitor, managed by KL's editors."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonymgrupper")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]
    panels = [FieldPanel("words"), FieldPanel("note")]


register_snippet(SynonymGroupViewSet)


@hooks.register("kl_editor_models")
def synonym_group_models():
    """KL editors manage the synonym groups (cms.permissions.ensure_kl_editors_group)."""
    return [SynonymGroup]
