from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sitet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import search  # noqa: PLC0415 - the signals need the models, loaded only now

        search.connect()
