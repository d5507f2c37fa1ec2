from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sitet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Purge the page cache on publish and on edits shown on many pages, and register the
        # page-cache hook for form pages (both modules connect themselves when imported).
        from cms import content_cache, frontend_cache, middleware  # noqa: F401, PLC0415 - the signals need the models, loaded only now

        frontend_cache.connect()
        content_cache.connect()
