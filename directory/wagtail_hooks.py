"""Admin registration of the directory snippets, and the KL editors' right to curate them."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import OrganisationChooserViewSet
from .models import Organisation, Person
from .permissions import MunicipalityOwnedPermissionPolicy

# Municipal editors change and delete only their own municipality's organisations and people.
register_permission_policy(Organisation, MunicipalityOwnedPermissionPolicy(Organisation))
register_permission_policy(Person, MunicipalityOwnedPermissionPolicy(Person))


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality__region"]
    # Partners are chosen with search, the page's own municipality first, and can be created in the modal.
    chooser_viewset_class = OrganisationChooserViewSet
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
