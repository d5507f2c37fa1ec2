"""Admin hooks of the security app: second-factor pages, lockouts, and choices that follow rights."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from . import urls as security_urls
from .choices import choosable_documents, choosable_images, choosable_pages, is_site_editor
from .lockouts import can_manage_lockouts, lockout_list


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("to-trins-login/", include(security_urls, namespace="security")),
        path("spaerrede-logins/", lockout_list, name="security_lockouts"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_lockouts(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Spærrede logins"), reverse("security_lockouts"), icon_name="lock", order=900)


@hooks.register("register_account_menu_item")
def register_twofactor_account_item(request):
    return {
        "url": reverse("security:twofactor_setup"),
        "label": _("To-trins-login"),
        "help_text": _("Sæt en godkendelsesapp op, eller lav nye gendannelseskoder."),
    }


class ChoosableImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those the editor may choose (their collections)."""

    def get_queryset(self):
        return choosable_images(self.request.user).order_by("id")


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those the editor may choose (their collections)."""

    def get_queryset(self):
        return choosable_documents(self.request.user).order_by("id")


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def restrict_admin_api(router):
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser(pages, request):
    """Live pages and the editor's own drafts; no titles of other municipalities' unpublished pages."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=choosable_pages(request.user).values("pk"))


@hooks.register("construct_reports_menu")
def hide_reports(request, menu_items):
    """Reports list every editor's name and pages across municipalities: site editors only."""
    if not is_site_editor(request.user):
        menu_items[:] = []
