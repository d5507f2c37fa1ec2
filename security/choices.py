"""What an editor may choose: images and documents by collection, pages by rights or publication.

Wagtail checks the collection only when an editor *opens* a chooser; the IDs a page form posts are
taken as they come. These helpers are the one answer to "may this user pick this object?", used by
the page form (security.pageforms), the admin API, the page chooser and the bulk actions.
"""

from django.conf import settings
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry


def is_site_editor(user):
    """Administrators and KL editors: they curate the whole site and see everything in the admin."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.OTP_REQUIRED_GROUPS).exists()


def choosable_images(user):
    policy = policy_registry.get_by_type(get_image_model())
    return policy.instances_user_has_permission_for(user, "choose")


def choosable_documents(user):
    policy = policy_registry.get_by_type(get_document_model())
    return policy.instances_user_has_permission_for(user, "choose")


def choosable_pages(user):
    """Live pages, and the unpublished pages the user may work on (their own subtree)."""
    if user.is_superuser:
        return Page.objects.all()
    own = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change", "publish"])
    return Page.objects.filter(Q(live=True) | Q(pk__in=own.values("pk")))


def choosable_queryset(user, model):
    """The objects of `model` the user may choose, or None when this module has no rule for it."""
    if issubclass(model, get_image_model()):
        return choosable_images(user)
    if issubclass(model, get_document_model()):
        return choosable_documents(user)
    if issubclass(model, Page):
        return choosable_pages(user)
    return None


def may_choose(user, obj):
    queryset = choosable_queryset(user, type(obj))
    return queryset is None or queryset.filter(pk=obj.pk).exists()
