"""Who may change which organisations and people: KL editors all of them, municipal editors their own.

A municipality's editor group holds the add, change and view rights on organisations and people
(strategies.permissions.setup_municipal_editors), and this policy narrows *change* and *delete* to the rows
whose `municipality` is one of the user's own. Rights held any other way (the KL editors' group, a user's
own permissions, a superuser) reach every row. The admin forms let a municipal editor file a new row only
under their own municipality, so they keep the right to edit what they create.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from cms.permissions import municipal_scope

SCOPED_ACTIONS = ("change", "delete")


class MunicipalityOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, with change and delete narrowed to the user's municipalities for municipal editors."""

    def scope(self, user, action):
        return municipal_scope(user, self._get_permission_name(action))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action not in SCOPED_ACTIONS:
            return True
        scope = self.scope(user, action)
        return scope is None or instance.municipality_id in scope

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.none()
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            scope = self.scope(user, action) if action in SCOPED_ACTIONS else None
            if scope is None:
                return self.model._default_manager.all()
            objects |= self.model._default_manager.filter(municipality_id__in=scope)
        return objects
