from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Sikkerhed")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both need the app registry: audit connects the login receivers, restrictions patches Wagtail's queryset.
        from . import audit, restrictions  # noqa: F401, PLC0415 (need the models, so only once the registry is ready)

        restrictions.install()
