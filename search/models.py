"""The database engine's index: one row per search document, its facet values and cached PDF text.

The full-text part lives beside these tables and differs by database (see migrations/0002):
on PostgreSQL a weighted `tsvector` column computed from title, summary, body and attachments with
the `danish` configuration and a GIN index; on SQLite an FTS5 table of Danish stems, kept in step
by the database engine and a delete trigger.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from search.documents import Kind


class IndexEntry(models.Model):
    """One searchable document (a page or a part of one) as the public search shows it."""

    key = models.CharField(_("nøgle"), max_length=120, unique=True)
    # Documents of one group are one result (an action plan and its actions): the group's key (the
    # plan's), on the plan and on each action. Empty for an entry that is a result of its own.
    group_key = models.CharField(_("gruppe"), max_length=120, null=True, blank=True, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("side"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=True,
        null=True,
        blank=True,
        help_text=_("Tom for dokumenter, der ikke er sider (organisationer, personer)."),
    )
    kind = models.CharField(_("indholdstype"), max_length=40, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=500)
    url = models.CharField(_("adresse"), max_length=1000)
    summary = models.TextField(_("resumé"), blank=True)
    body = models.TextField(_("tekst"), blank=True)
    attachments = models.TextField(_("tekst fra vedhæftede PDF'er"), blank=True)
    theme_text = models.TextField(_("temaernes navne og beskrivelser"), blank=True)
    date = models.DateField(_("dato"), null=True, blank=True)
    updated_at = models.DateTimeField(_("indekseret"), auto_now=True)

    class Meta:
        verbose_name = _("søgedokument")
        verbose_name_plural = _("søgedokumenter")
        indexes = [models.Index(fields=["-date", "id"], name="search_entry_date")]

    def __str__(self):
        return self.title


class IndexFacet(models.Model):
    """One facet value of a document (type, theme, municipality, region or year), counted with GROUP BY."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("værdi"), max_length=120)

    class Meta:
        verbose_name = _("facetværdi")
        verbose_name_plural = _("facetværdier")
        indexes = [models.Index(fields=["name", "value", "entry"], name="search_facet_lookup")]
        constraints = [models.UniqueConstraint(fields=["entry", "name", "value"], name="search_facet_unique")]

    def __str__(self):
        return f"{self.name}={self.value}"


class IndexState(models.Model):
    """The index's version, bumped in the same transaction as every change to the database index.

    Caches derived from the index (facet counts, the spelling vocabulary) are keyed by it, and a
    search reads it in the same statement as its results, so every worker sees a change at once,
    whatever cache it has, and never caches old counts under a new version.
    """

    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("søgeindeksets version")
        verbose_name_plural = _("søgeindeksets versioner")

    def __str__(self):
        return str(self.version)


class DocumentText(models.Model):
    """The text extracted from an uploaded PDF, kept so rebuilding the index need not read it again."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("dokument")
    )
    file_hash = models.CharField(_("filens hash"), max_length=40, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    readable = models.BooleanField(_("kunne læses"), default=True)

    class Meta:
        verbose_name = _("dokumenttekst")
        verbose_name_plural = _("dokumenttekster")

    def __str__(self):
        return str(self.document)


class SynonymGroup(models.Model):
    """Words that mean the same to a visitor: a search for one of them finds the others too.

    Used by every engine at query time, so a change counts from the next search on.
    """

    words = models.TextField(
        _("ord"),
        help_text=_(
            "Ord eller udtryk, der betyder det samme, adskilt af komma eller linjeskift, "
            "fx »genbrug, genanvendelse, cirkulær økonomi«. En søgning på ét af ordene finder også de andre."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Til redaktionen; vises ikke."))

    class Meta:
        verbose_name = _("synonymgruppe")
        verbose_name_plural = _("synonymgrupper")
        ordering = ["id"]

    def __str__(self):
        return ", ".join(self.word_list()[:6])

    def word_list(self):
        """The group's words and phrases, cleaned, in order, without repeats."""
        words = [" ".join(word.split()).lower() for word in self.words.replace("\n", ",").split(",")]
        return list(dict.fromkeys(word for word in words if word))

    def clean(self):
        from django.core.exceptions import ValidationError  # noqa: PLC0415

        if len(self.word_list()) < 2:
            raise ValidationError({"words": _("Skriv mindst to ord, adskilt af komma eller linjeskift.")})
