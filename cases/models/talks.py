"""Who speaks where: a small table rebuilt from programmes when a page is published.

Agenda items live in StreamFields, which the database cannot query by speaker. Publishing a
meeting or a conference rewrites that page's rows here; unpublishing removes them, and deleting
the page or the person removes them through the foreign keys. A person's page reads this table
(one query) and only shows rows whose page is live and public at the time of the request.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Talk(models.Model):
    """One person's part in one programme item of a published meeting or conference (kept automatically)."""

    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, related_name="talks")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=20)
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date", "position"]
        verbose_name = _("programpunkt for person")
        verbose_name_plural = _("programpunkter for personer")

    def __str__(self):
        return f"{self.person} – {self.title}"

    @property
    def anchor(self):
        return f"punkt-{self.block_id}"


def programme_talks(page):
    """Unsaved Talk rows for every speaker of every item in the page's programme."""
    rows = []
    programme = getattr(page, "programme", None)
    if programme is None or not hasattr(page, "date"):
        return rows
    for position, block in enumerate(programme):
        value = block.value
        kind = "praesentation" if block.block_type == "presentation" else value.get("kind") or ""
        for person in value.get("speakers") or []:
            if person is None:
                continue
            rows.append(
                Talk(
                    person=person,
                    page_id=page.pk,
                    block_id=block.id or str(position),
                    title=value.get("title") or "",
                    kind=kind,
                    date=page.date,
                    time=value.get("time"),
                    position=position,
                )
            )
    return rows


def rebuild_talks(page):
    """Make the table agree with the page's published programme."""
    Talk.objects.filter(page_id=page.pk).delete()
    if page.live:
        Talk.objects.bulk_create(programme_talks(page))


def remove_talks(page):
    Talk.objects.filter(page_id=page.pk).delete()
