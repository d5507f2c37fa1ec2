"""The reminders sent about strategies and action plans that are due for review."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """One reminder sent about one page's review date, so the daily command sends each reminder once."""

    class Stage(models.TextChoices):
        SOON = "snart", _("Snart")
        OVERDUE = "overskredet", _("Overskredet")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="review_reminders")
    review_on = models.DateField(_("gennemses senest"))
    stage = models.CharField(_("påmindelse"), max_length=20, choices=Stage.choices)
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("modtagere"), default=0)

    class Meta:
        verbose_name = _("påmindelse om gennemsyn")
        verbose_name_plural = _("påmindelser om gennemsyn")
        constraints = [
            models.UniqueConstraint(fields=["page", "review_on", "stage"], name="one_review_reminder_per_stage"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.review_on} {self.stage}"
