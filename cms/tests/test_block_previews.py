"""The admin's StreamField block previews: every block an editor can add shows its example in the block picker."""

from unittest import mock

from django.apps import apps
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from wagtail.blocks import StreamBlock
from wagtail.documents import get_document_model
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailTestUtils

from cms.factories import StandardPageFactory
from cms.tests.utils import make_home_page

PROJECT_APPS = {"cms", "strategies", "cases", "search", "directory"}

# What each block's preview shows: a text from its preview value (for images, the alt text it carries).
EXPECTED = {
    "HeadingBlock": "Grøn dannelse i biblioteket",
    "RichTextBlock": "<b>grøn omstilling</b>",
    "FigureBlock": 'alt="Eksempel på alternativ tekst"',
    "QuoteBlock": "Kulturlivet er et sted, hvor den grønne omstilling bliver konkret.",
    "DocumentBlock": "Eksempel: Strategi for grøn kultur",
    "VideoEmbedBlock": "Eksempel: en video om grøn omstilling",
    "LinkBlock": '<a href="https://www.kl.dk/">KL</a>',
    "FeaturedItemBlock": "Om netværket",
    "GoalBlock": "Flere borgere deltager i grønne fællesskaber",
    "AgendaItemBlock": "Velkomst og præsentationsrunde",
    "GalleryImageBlock": 'alt="Deltagere ved et netværksmøde (eksempel)"',
    "InsightBlock": "Biblioteket som grønt mødested",
    "IdeaBlock": "Byttemarked på biblioteket",
    "PresentationBlock": "Sådan arbejder vi med grøn dannelse",
}


def pickable_blocks():
    """Every block an editor can pick in a StreamField of the project's models, by name and class."""
    found = {}

    def collect(stream_block, where):
        for name, child in stream_block.child_blocks.items():
            if isinstance(child, StreamBlock):
                collect(child, f"{where}.{name}")
            else:
                found.setdefault(id(child), (f"{where}.{name}", child))

    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                collect(field.stream_block, f"{model._meta.label}.{field.name}")
    return list(found.values())


class BlockPreviewTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home_page()
        StandardPageFactory(parent=home, title="Om netværket", slug="om-netvaerket")
        get_image_model().objects.create(title="Deltagere", file=get_test_image_file())
        get_document_model().objects.create(title="Strategi", file=ContentFile(b"En strategi.", name="strategi.txt"))

    def setUp(self):
        self.login()

    def test_every_pickable_block_declares_template_icon_description_and_a_preview(self):
        blocks = pickable_blocks()
        self.assertGreaterEqual(len({type(block).__name__ for _path, block in blocks}), len(EXPECTED))
        for path, block in blocks:
            with self.subTest(path):
                self.assertTrue(getattr(block.meta, "template", None), "no template")
                self.assertNotEqual(block.meta.icon, "placeholder", "no icon")
                self.assertTrue(block.get_description(), "no description")
                self.assertTrue(block.is_previewable, "no preview")

    @mock.patch("wagtail.embeds.embeds.get_embed", side_effect=EmbedNotFoundException)
    def test_the_admin_preview_of_every_block_shows_its_example_with_the_site_styles(self, _get_embed):
        for path, block in pickable_blocks():
            with self.subTest(path):
                response = self.client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn(EXPECTED[type(block).__name__], html)
                self.assertIn('href="/static/cms/css/site.css"', html)
                self.assertIn('class="container prose block-preview"', html)

    def test_previews_of_image_blocks_render_nothing_broken_with_an_empty_library(self):
        get_image_model().objects.all().delete()
        for path, block in pickable_blocks():
            if type(block).__name__ in {"FigureBlock", "GalleryImageBlock"}:
                with self.subTest(path):
                    response = self.client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn("<img", response.content.decode())
