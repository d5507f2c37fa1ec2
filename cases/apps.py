from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Netværksmøder, cases og konference")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cases import signals  # noqa: F401, PLC0415 (app registry not ready at import; connects the receivers)
