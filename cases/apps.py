from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Netværksmøder, cases og konference")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import signals

        page_published.connect(signals.page_published, dispatch_uid="cases_talks_published")
        page_unpublished.connect(signals.page_unpublished, dispatch_uid="cases_talks_unpublished")
