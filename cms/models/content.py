"""The version of what public pages show, which caches of rendered fragments are keyed on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """A token that changes in the same transaction as every change that can show on a public page.

    One row (pk 1), written by cms.fragments.bump_content_version and never by editors. It is a random
    token rather than a counter, so a database restored from a backup (or a test database rolled back)
    never meets fragments cached under the same number for other content.
    """

    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("indholdsversion")
        verbose_name_plural = _("indholdsversioner")

    def __str__(self):
        return self.token
