"""Organisations and people: the directory that strategies, cases and meetings choose from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .forms import MunicipalityOwnedForm
from .search import organisation_documents, person_documents


def unique_slug(instance, value, max_length=100):
    """A unicode slug from `value`, numbered when another row of the same model has it."""
    base = slugify(value, allow_unicode=True)[: max_length - 4] or "x"
    slug, number = base, 2
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    while others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class DirectoryEntry(index.Indexed, models.Model):
    """What organisations and people share: a name, and a slug made from it for the public page."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True, blank=True)

    url_name = ""  # the route of the public page, set by each model

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, args=[self.slug])


class Organisation(DirectoryEntry):
    """A cultural institution or partner that takes part in strategies, actions and cases."""

    class Kind(models.TextChoices):
        LIBRARY = "bibliotek", _("Bibliotek")
        MUSEUM = "museum", _("Museum")
        THEATRE = "teater", _("Teater")
        VENUE = "spillested", _("Spillested")
        CULTURE_HOUSE = "kulturhus", _("Kulturhus")
        ART_SCHOOL = "billedskole", _("Billedskole")
        MUSIC_SCHOOL = "musikskole", _("Musikskole")
        ARCHIVE = "arkiv", _("Arkiv")
        ASSOCIATION = "forening", _("Forening")
        ADMINISTRATION = "kommunal-forvaltning", _("Kommunal forvaltning")
        BUSINESS = "virksomhed", _("Virksomhed")
        EDUCATION = "uddannelsesinstitution", _("Uddannelsesinstitution")
        OTHER = "andet", _("Andet")

    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_(
            "Den kommune, organisationen hører til. Kommunens redaktører kan rette den, og den vises først, "
            "når kommunens strategier vælger partnere."
        ),
    )
    website = models.URLField(_("websted"), blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=1000)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("municipality"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    base_form_class = MunicipalityOwnedForm
    url_name = "directory:organisation"

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(fields=["name", "municipality"], name="unique_organisation_per_municipality"),
        ]

    def search_documents(self):
        """What the public search finds of the organisation: what its public page shows."""
        yield from organisation_documents(self)


class Person(DirectoryEntry):
    """A speaker or contact person; only work contact details are ever stored."""

    job_title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    organisation_name = models.CharField(
        _("organisation (fritekst)"),
        max_length=200,
        blank=True,
        help_text=_("Bruges, når organisationen ikke er i registret, fx et universitet."),
    )
    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_(
            "Den kommune, personen arbejder for eller i. Kommunens redaktører kan rette personen; tom for "
            "personer uden for kommunerne, fx fra KL eller et universitet, som kun KL's redaktører retter."
        ),
    )
    bio = models.TextField(_("kort biografi"), blank=True, max_length=1200)
    work_email = models.EmailField(_("arbejdsmail"), blank=True)
    work_phone = models.CharField(_("arbejdstelefon"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_consent = models.BooleanField(
        _("samtykke til foto"),
        default=False,
        help_text=_("Fotoet vises kun offentligt, når personen har givet samtykke."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        MultiFieldPanel([FieldPanel("organisation"), FieldPanel("organisation_name")], heading=_("Organisation")),
        FieldPanel("municipality"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("work_email"), FieldPanel("work_phone")], heading=_("Arbejdskontakt")),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_consent")], heading=_("Foto")),
    ]
    # Every field the admin listing searches (PersonViewSet.search_fields) must be indexed here.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("organisation_name"),
    ]

    base_form_class = MunicipalityOwnedForm
    url_name = "directory:person"

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def search_documents(self):
        """What the public search finds of the person: nothing unless they have a public page."""
        yield from person_documents(self)

    def clean(self):
        super().clean()
        if self.municipality_id is None and self.organisation_id:
            # A person at an organisation of a municipality belongs to that municipality's editors too.
            self.municipality_id = self.organisation.municipality_id
        if self.organisation_id and self.organisation_name:
            raise ValidationError(
                {"organisation_name": _("Vælg enten en organisation fra registret eller skriv et navn, ikke begge.")}
            )

    @property
    def public_photo(self):
        """The photo, only when the person has consented to it being shown."""
        return self.photo if self.photo_consent else None

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name
