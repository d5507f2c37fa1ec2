from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Open data: the read-only JSON API, the downloads and the DCAT-AP catalogue."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Åbne data")
