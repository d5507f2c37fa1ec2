"""Idempotent helpers that give editor groups their rights on pages, collections and models."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

KL_EDITORS_GROUP = "KL-redaktører"
MUNICIPAL_GROUP_PREFIX = "Redaktører: "

ALL_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# Municipal editors write and submit; KL editors publish.
DRAFT_PAGE_PERMISSIONS = ("add", "change", "lock")
MEDIA_PERMISSIONS = ("add", "change", "choose", "delete")


def municipal_group_name(municipality):
    """The name of a member municipality's editor group."""
    return f"{MUNICIPAL_GROUP_PREFIX}{municipality.name}"


def ensure_collection(name, parent=None):
    """The collection with this name under `parent` (the root collection by default), created when missing."""
    parent = parent or Collection.get_first_root_node()
    existing = parent.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=Collection(name=name))


def page_permission(permission_type):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{permission_type}_page"
    )


def grant_page_permissions(group, page, permission_types):
    for permission_type in permission_types:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(permission_type))


def grant_collection_permissions(group, collection, actions=MEDIA_PERMISSIONS):
    """Rights on images and documents in one collection and the collections below it."""
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def grant_model_permissions(group, models, actions=("add", "change", "delete", "view")):
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            codename = f"{action}_{model._meta.model_name}"
            permission = Permission.objects.filter(content_type=content_type, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)


def grant_admin_access(group):
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))


def ensure_kl_editors_group():
    """The KL editors: publish anywhere, curate themes, settings, search promotions and media.

    Other apps add the models KL editors curate with the `kl_editor_models` hook (a function returning models).
    """

    group, _created = Group.objects.get_or_create(name=KL_EDITORS_GROUP)
    grant_admin_access(group)
    grant_page_permissions(group, Page.get_first_root_node(), ALL_PAGE_PERMISSIONS)
    grant_collection_permissions(group, Collection.get_first_root_node())
    curated = [
        apps.get_model("cms", "Theme"),
        apps.get_model("cms", "Municipality"),
        apps.get_model("cms", "Region"),
        apps.get_model("cms", "SiteSettings"),
        apps.get_model("cms", "NavigationSettings"),
        apps.get_model("wagtailsearchpromotions", "Query"),
        apps.get_model("wagtailsearchpromotions", "SearchPromotion"),
        apps.get_model("wagtailredirects", "Redirect"),
    ]
    for hook in hooks.get_hooks("kl_editor_models"):
        curated.extend(hook())
    grant_model_permissions(group, curated)
    return group


def municipal_scope(user, permission):
    """Which municipalities' rows `user` may use `permission` ("app_label.codename") on.

    None means every row: a superuser, or someone who holds the permission through their own user
    permissions or a group that is not a municipality's editor group (such as the KL editors). Otherwise
    the set of ids of the municipalities whose editor group the user is in (empty: none).
    """
    if not user.is_active or user.is_anonymous:
        return set()
    if user.is_superuser:
        return None
    cache = user.__dict__.setdefault("_municipal_scope_cache", {})
    if permission in cache:
        return cache[permission]
    app_label, codename = permission.split(".", 1)
    held = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    scope = None
    if not held.filter(user=user).exists():
        granting = Group.objects.filter(user=user, permissions__in=held)
        if granting.exclude(name__startswith=MUNICIPAL_GROUP_PREFIX).exists():
            scope = None
        else:
            names = [
                name.removeprefix(MUNICIPAL_GROUP_PREFIX)
                for name in user.groups.filter(name__startswith=MUNICIPAL_GROUP_PREFIX).values_list("name", flat=True)
            ]
            municipalities = apps.get_model("cms", "Municipality").objects.filter(name__in=names)
            scope = set(municipalities.values_list("pk", flat=True))
    cache[permission] = scope
    return scope
