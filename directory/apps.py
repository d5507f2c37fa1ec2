from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Organisationer og personer")
    default_auto_field = "django.db.models.BigAutoField"
