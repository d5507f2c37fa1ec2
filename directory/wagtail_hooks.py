"""Admin registration of the directory snippets, and the KL editors' right to curate them."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from .choosers import OrganisationChooserViewSet
from .models import Organisation, Person
from .permissions import MunicipalityOwnedPermissionPolicy

# Municipal editors change and delete only their own municipality's organisations and people.
register_permission_policy(Organisation, MunicipalityOwnedPermissionPolicy(Organisation))
register_permission_policy(Person, MunicipalityOwnedPermissionPolicy(Person))


class OwnRowsOnly:
    """Wagtail's edit and delete views check the model permission; these ask the policy about the row too."""

    row_permission = None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.row_permission, obj):
            raise PermissionDenied
        return obj


class DirectoryIndexView(IndexView):
    """The listing links a row for editing (and deleting) only when the user may do that to the row."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class DirectoryEditView(OwnRowsOnly, EditView):
    row_permission = "change"


class DirectoryDeleteView(OwnRowsOnly, DeleteView):
    row_permission = "delete"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality__region"]
    # Partners are chosen with search, the page's own municipality first, and can be created in the modal.
    chooser_viewset_class = OrganisationChooserViewSet
    index_view_class = DirectoryIndexView
    edit_view_class = DirectoryEditView
    delete_view_class = DirectoryDeleteView
    search_fields = ["name", "description"]
    search_backend_name = None  # database search, as PersonViewSet (Wagtail's SQLite backend limits)
    ordering = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personer")
    list_display = ["name", "job_title", "organisation", "municipality", "photo_consent"]
    list_filter = ["photo_consent", "municipality__region"]
    search_fields = ["name", "job_title", "organisation_name"]
    # Search the listing in the database (icontains on search_fields): organisation_name is not in the
    # model's search index, and Wagtail's SQLite backend cannot limit a search to fields (issue 11).
    search_backend_name = None
    ordering = ["name"]
    index_view_class = DirectoryIndexView
    edit_view_class = DirectoryEditView
    delete_view_class = DirectoryDeleteView


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Organisationer og personer")
    menu_name = "directory"
    menu_order = 205


register_snippet(DirectoryViewSetGroup)


@hooks.register("kl_editor_models")
def directory_models():
    """KL editors curate the directory (cms.permissions.ensure_kl_editors_group)."""
    return [Organisation, Person]
