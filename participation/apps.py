from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Deltagelse")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save  # noqa: PLC0415 (with the rest)

        from . import registration  # noqa: PLC0415 (needs the models, loaded only now)
        from .permissions import grant_kl_editors  # noqa: PLC0415 (needs the models, loaded only now)

        post_migrate.connect(grant_kl_editors, sender=self, dispatch_uid="participation_grant_kl_editors")
        post_delete.connect(
            registration.registration_deleted,
            sender="participation.Registration",
            dispatch_uid="participation_waitlist",
        )
        post_save.connect(
            registration.setup_saved, sender="participation.RegistrationSetup", dispatch_uid="participation_capacity"
        )
