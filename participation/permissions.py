"""KL editors' rights on the participation records."""

from django.apps import apps
from django.contrib.auth.models import Group

from cms.permissions import KL_EDITORS_GROUP, grant_model_permissions

MODELS = ["MembershipApplication", "RegistrationSetup", "Registration", "Subscription"]


def grant_kl_editors(sender=None, **kwargs):
    """Give the KL editors group (when it exists) every right on sign-ups, registrations and alerts."""
    group = Group.objects.filter(name=KL_EDITORS_GROUP).first()
    if group is None:
        return
    grant_model_permissions(group, [apps.get_model("participation", name) for name in MODELS])


def can_manage_personal_data(user):
    return user.is_active and (user.is_superuser or user.has_perm("participation.delete_registration"))
