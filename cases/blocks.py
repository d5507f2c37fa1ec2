"""StreamField blocks for meetings, cases, workshop outputs and the conference."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock, DanishImageBlock, DocumentBlock, preview_image_value
from cms.images import GALLERY_PHOTO, prefetch_image_renditions

AGENDA_KINDS = [
    ("oplaeg", _("Oplæg")),
    ("case", _("Case")),
    ("workshop", _("Workshop")),
    ("debat", _("Debat")),
    ("pause", _("Pause")),
    ("netvaerk", _("Netværk")),
]
AGENDA_KIND_LABELS = dict(AGENDA_KINDS)


class AgendaKind(blocks.ChoiceBlock):
    """What kind of programme item this is; shown as a label on the page."""

    choices = AGENDA_KINDS


def speakers_block():
    return blocks.ListBlock(
        SnippetChooserBlock("directory.Person"),
        label=_("Oplægsholdere"),
        required=False,
        collapsed=True,
        # A new item starts without speakers: an empty, required slot stopped a break from being saved.
        default=[],
        help_text=_("Personer fra registret. Deres side viser programpunktet, når siden er udgivet."),
    )


class AgendaItemBlock(blocks.StructBlock):
    """One item of a meeting's programme: a talk, a case, a workshop, a debate, a break or networking."""

    time = blocks.TimeBlock(label=_("Klokkeslæt"), required=False)
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    kind = AgendaKind(label=_("Type"), default="oplaeg")
    description = blocks.TextBlock(label=_("Kort beskrivelse"), required=False, max_length=800)
    speakers = speakers_block()
    page = blocks.PageChooserBlock(
        label=_("Case eller workshop"),
        page_type=["cases.CasePage", "cases.WorkshopOutputPage"],
        required=False,
        help_text=_("Siden, som programpunktet blev til: casen eller workshoppens resultater."),
    )
    slides = DocumentChooserBlock(label=_("Slides"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = AGENDA_KIND_LABELS.get(value.get("kind"), "")
        return context

    class Meta:
        template = "cases/blocks/agenda_item.html"
        icon = "time"
        label = _("Programpunkt")
        description = _("Et punkt i programmet med tid, titel, type, oplægsholdere og slides.")
        preview_value = {"time": "10:00", "title": "Velkomst og præsentationsrunde", "kind": "netvaerk"}


class ProgrammeBlock(blocks.StreamBlock):
    """A meeting's programme: agenda items in the order they happen."""

    item = AgendaItemBlock()

    class Meta:
        label = _("Program")


class GalleryImageBlock(blocks.StructBlock):
    """A photo with alt text (or marked as decorative) and an optional caption, for galleries and posters.

    The image is Wagtail's `ImageBlock`, which asks for the alt text or the decorative mark and refuses
    neither. Data saved before it was stored the alt text beside the image; migration
    cases/0004_gallery_images_use_imageblock moved it into the image's value.
    """

    image = DanishImageBlock(label=_("Billede"))
    caption = blocks.CharBlock(label=_("Billedtekst"), required=False, max_length=300)

    class Meta:
        template = "cases/blocks/gallery_image.html"
        icon = "image"
        label = _("Foto")
        description = _("Et foto med alternativ tekst og en valgfri billedtekst.")

    def get_preview_value(self):
        return self.normalize(
            preview_image_value("Deltagere ved et netværksmøde (eksempel)", caption="Eksempel på en billedtekst.")
        )

    def bulk_to_python(self, values):
        """The photos of a gallery, with the renditions gallery_image.html shows fetched in one query for all."""
        photos = super().bulk_to_python(values)
        prefetch_image_renditions([photo.get("image") for photo in photos], GALLERY_PHOTO)
        return photos


class GalleryBlock(blocks.StreamBlock):
    """Photos shown as a gallery."""

    photo = GalleryImageBlock()

    class Meta:
        label = _("Fotos")


class DocumentsBlock(blocks.StreamBlock):
    """Documents to download."""

    document = DocumentBlock()

    class Meta:
        label = _("Dokumenter")


class CaseSectionBlock(BodyBlock):
    """One section of a case (challenge, approach, results or lessons): text, images, quotes, documents."""

    class Meta:
        label = _("Afsnit")


class InsightBlock(blocks.StructBlock):
    """An insight or idea the workshop produced, as a short heading and text."""

    title = blocks.CharBlock(label=_("Overskrift"), max_length=200)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        template = "cases/blocks/insight.html"
        icon = "pick"
        label = _("Indsigt")
        description = _("En indsigt fra workshoppen: en kort overskrift og en uddybning.")
        preview_value = {"title": "Biblioteket som grønt mødested", "text": "<p>Eksempel på en indsigt.</p>"}


class IdeaBlock(InsightBlock):
    """An idea the workshop came up with."""

    class Meta:
        template = "cases/blocks/idea.html"
        icon = "success"
        label = _("Idé")
        description = _("En idé fra workshoppen, som deltagerne vil arbejde videre med.")
        preview_value = {"title": "Byttemarked på biblioteket", "text": "<p>Eksempel på en idé.</p>"}


class WorkshopResultsBlock(BodyBlock):
    """What a workshop produced: insights, ideas, photos of its posters and documents, plus text."""

    insight = InsightBlock()
    idea = IdeaBlock()
    poster = GalleryImageBlock(
        label=_("Foto af plakat"),
        description=_("Et foto af en af workshoppens plakater. Alternativ tekst skal gengive plakatens indhold."),
    )

    class Meta:
        label = _("Resultater")


class PresentationBlock(blocks.StructBlock):
    """A presentation at the conference by a member municipality, linked to its strategy or action plan."""

    time = blocks.TimeBlock(label=_("Klokkeslæt"), required=False)
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    municipality = SnippetChooserBlock("cms.Municipality", label=_("Præsenterende kommune"), required=False)
    description = blocks.TextBlock(label=_("Kort beskrivelse"), required=False, max_length=800)
    speakers = speakers_block()
    strategy = blocks.PageChooserBlock(
        page_type=["strategies.StrategyPage", "strategies.ActionPlanPage"],
        label=_("Strategi eller handlingsplan"),
        required=False,
        help_text=_("Den strategi eller handlingsplan, som oplægget præsenterer."),
    )
    slides = DocumentChooserBlock(label=_("Slides"), required=False)

    class Meta:
        template = "cases/blocks/presentation.html"
        icon = "view"
        label = _("Præsentation")
        description = _("Et oplæg fra en medlemskommune med link til kommunens strategi eller handlingsplan.")
        preview_value = {"time": "13:00", "title": "Sådan arbejder vi med grøn dannelse"}


class ConferenceProgrammeBlock(blocks.StreamBlock):
    """The conference programme: presentations and the other items of the day."""

    presentation = PresentationBlock()
    item = AgendaItemBlock()

    class Meta:
        label = _("Program")
