from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategiesConfig(AppConfig):
    name = "strategies"
    verbose_name = _("Strategier og handlingsplaner")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from strategies import signals  # noqa: F401, PLC0415 (app registry not ready at import; connects the receivers)
