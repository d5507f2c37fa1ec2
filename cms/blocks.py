"""StreamField blocks shared by every page type that has a body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from cms.home import featured_item

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

# Block previews in the admin's block picker render templates/wagtailcore/shared/block_preview.html with each
# block's `preview_value`. Blocks that show an image, a document or a page preview the library's first one
# (`get_preview_value`); with an empty library they preview nothing rather than fail.


class DanishImageBlock(ImageBlock):
    """Wagtail's `ImageBlock` with a Danish label on its image chooser.

    Wagtail names that child "image" without a translatable label, so the editor showed "Image". It
    deconstructs as Wagtail's own `ImageBlock`, so migrations and stored data are unchanged.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_blocks["image"].label = _("Billede")


def first_image():
    return get_image_model().objects.order_by("pk").first()


def first_document():
    return get_document_model().objects.order_by("pk").first()


def preview_image_value(alt_text, **fields):
    """A preview value for a block with an `image` ImageBlock: the library's first image with this alt text."""
    image = first_image()
    return {"image": {"image": image, "alt_text": alt_text, "decorative": False} if image else None, **fields}


class HeadingBlock(blocks.StructBlock):
    """A section heading; levels 2 and 3 only, because the page title is the one h1."""

    text = blocks.CharBlock(label=_("Overskrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3"))],
        default="h2",
    )

    class Meta:
        template = "components/blocks/heading_block.html"
        icon = "title"
        label = _("Overskrift")
        description = _("En mellemrubrik, der deler teksten i afsnit.")
        preview_value = {"text": "Grøn dannelse i biblioteket", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked as decorative) and an optional caption."""

    image = DanishImageBlock(label=_("Billede"))
    caption = blocks.CharBlock(label=_("Billedtekst"), required=False, max_length=300)

    class Meta:
        template = "components/blocks/figure_block.html"
        icon = "image"
        label = _("Billede")
        description = _("Et billede med alternativ tekst og en valgfri billedtekst.")

    def get_preview_value(self):
        return self.normalize(
            preview_image_value("Eksempel på alternativ tekst", caption="Eksempel på en billedtekst til et foto.")
        )


class QuoteBlock(blocks.StructBlock):
    """A pull quote with the person it is attributed to."""

    quote = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Afsender"), required=False, max_length=200)

    class Meta:
        template = "components/blocks/quote_block.html"
        icon = "openquote"
        label = _("Citat")
        description = _("Et fremhævet citat med afsender.")
        preview_value = {
            "quote": "Kulturlivet er et sted, hvor den grønne omstilling bliver konkret.",
            "attribution": "Eksempel",
        }


class DocumentBlock(blocks.StructBlock):
    """A downloadable document, shown with its title, type and size."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Titel"), required=False, help_text=_("Tom: dokumentets egen titel bruges."))

    class Meta:
        template = "components/blocks/document_block.html"
        icon = "doc-full"
        label = _("Dokument")
        description = _("Et dokument til download, fx en PDF.")

    def get_preview_value(self):
        return self.normalize({"document": first_document(), "title": "Eksempel: Strategi for grøn kultur"})


class VideoEmbedBlock(blocks.StructBlock):
    """An embedded video or other oEmbed content, with a text alternative."""

    embed = EmbedBlock(label=_("Link til video eller indhold"))
    title = blocks.CharBlock(
        label=_("Beskrivende titel"),
        max_length=200,
        help_text=_("Læses op af skærmlæsere og vises som link, hvis indlejringen ikke virker."),
    )

    class Meta:
        template = "components/blocks/embed_block.html"
        icon = "media"
        label = _("Indlejret indhold")
        description = _("En video eller andet indhold fra fx YouTube eller Vimeo.")
        preview_value = {
            "embed": "https://www.youtube.com/watch?v=jNQXAC9IVRw",
            "title": "Eksempel: en video om grøn omstilling",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page on the site or to an external address."""

    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)
    title = blocks.CharBlock(label=_("Linktekst"), required=False, max_length=120, help_text=_("Tom: sidens titel."))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/blocks/link_block.html"
        description = _("Et link til en side på sitet eller til en ekstern adresse.")
        preview_value = {"url": "https://www.kl.dk/", "title": "KL"}

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError(_("Vælg en side eller skriv en adresse."))
        elif value.get("page") and value.get("url"):
            errors["url"] = ValidationError(_("Vælg enten en side eller en adresse, ikke begge."))
        elif value.get("url") and not value.get("title"):
            errors["title"] = ValidationError(_("Et eksternt link skal have en linktekst."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages; domain apps extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Tekst"),
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        description=_("Brødtekst med mellemrubrikker, lister og links."),
    )
    # Set on meta rather than passed to the constructor, so the preview text stays out of migrations.
    paragraph.meta.preview_value = (
        "<p>Eksempel på brødtekst: kommunen og kulturlivet arbejder sammen om "
        "<b>grøn omstilling</b>, fx med reparationscaféer på biblioteket.</p>"
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = VideoEmbedBlock()

    class Meta:
        label = _("Indhold")


class FeaturedItemBlock(blocks.StructBlock):
    """A page the editors feature on the home page, optionally with their own title and text."""

    page = blocks.PageChooserBlock(label=_("Side"))
    title = blocks.CharBlock(label=_("Egen titel"), required=False, max_length=120, help_text=_("Tom: sidens titel."))
    text = blocks.TextBlock(
        label=_("Egen tekst"), required=False, max_length=300, help_text=_("Tom: sidens introduktion.")
    )

    class Meta:
        icon = "pick"
        label = _("Fremhævet indhold")
        template = "components/blocks/featured_item_block.html"
        description = _("En side, der fremhæves på forsiden, med valgfri egen titel og tekst.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        context["item"] = featured_item(value, page.specific) if page else None
        return context

    def get_preview_value(self):
        page = Page.objects.filter(depth__gt=2).live().order_by("path").first()
        return self.normalize({"page": page, "title": "", "text": "Eksempel på en tekst om den fremhævede side."})
