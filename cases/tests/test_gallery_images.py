"""Gallery photos and posters with Wagtail's ImageBlock, and photos saved before it keeping their alt text."""

import importlib
import json
import re

from django.apps import apps
from django.db import connection
from django.test import TestCase

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Revision

from cases.models import MeetingPage, WorkshopOutputPage
from search.models import IndexEntry

from .utils import build_site, publish

gallery_migration = importlib.import_module("cases.migrations.0004_gallery_images_use_imageblock")

OLD_PHOTO = {"alt_text": "Deltagere ved bordene i Aarhus", "caption": "Fra mødet"}


def run_gallery_migration():
    for operation in gallery_migration.Migration.operations:
        if isinstance(operation, MigrateStreamData):
            operation.migrate_stream_data_forward(apps, None)


def store_raw(model, page, field, raw):
    """Write a StreamField's JSON as it was stored before the migration, past the model's own conversion."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field).column)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE {pk_column} = %s", [json.dumps(raw), page.pk])  # noqa: S608


class GalleryImageMigrationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.image = get_image_model().objects.create(title="IMG_2041", file=get_test_image_file())

    def old_photo(self, block_type="photo"):
        return [{"type": block_type, "id": "7a1c", "value": {"image": self.image.pk, **OLD_PHOTO}}]

    def test_a_meeting_photo_saved_before_keeps_its_alt_text_on_the_page_and_in_its_revisions(self):
        meeting = self.site["meeting"]
        revision = meeting.save_revision()
        revision.content["gallery"] = json.dumps(self.old_photo())
        revision.save()
        store_raw(MeetingPage, meeting, "gallery", self.old_photo())

        run_gallery_migration()

        meeting = MeetingPage.objects.get(pk=meeting.pk)
        image = meeting.gallery[0].value["image"]
        self.assertEqual(image.pk, self.image.pk)
        self.assertEqual(image.contextual_alt_text, OLD_PHOTO["alt_text"])
        self.assertEqual(meeting.gallery[0].value["caption"], "Fra mødet")
        html = self.client.get(meeting.url).content.decode()
        self.assertIn(f'alt="{OLD_PHOTO["alt_text"]}"', html)
        self.assertNotIn('alt="IMG_2041"', html)
        old_version = Revision.objects.get(pk=revision.pk).as_object()
        self.assertEqual(old_version.gallery[0].value["image"].contextual_alt_text, OLD_PHOTO["alt_text"])

    def test_a_workshop_poster_saved_before_keeps_its_alt_text(self):
        workshop = self.site["workshop"]
        store_raw(WorkshopOutputPage, workshop, "results", self.old_photo("poster"))
        run_gallery_migration()
        workshop = publish(WorkshopOutputPage.objects.get(pk=workshop.pk))
        self.assertIn(f'alt="{OLD_PHOTO["alt_text"]}"', self.client.get(workshop.url).content.decode())

    def test_the_migration_leaves_photos_already_in_the_new_form_alone(self):
        meeting = self.site["meeting"]
        meeting.gallery = [
            ("photo", {"image": {"image": self.image, "alt_text": "Ny tekst", "decorative": False}, "caption": ""})
        ]
        meeting.save()
        run_gallery_migration()
        image = MeetingPage.objects.get(pk=meeting.pk).gallery[0].value["image"]
        self.assertEqual(image.contextual_alt_text, "Ny tekst")

    def test_a_decorative_photo_is_shown_with_empty_alt_text(self):
        meeting = self.site["meeting"]
        meeting.gallery = [("photo", {"image": {"image": self.image, "alt_text": "", "decorative": True}})]
        publish(meeting)
        html = self.client.get(meeting.url).content.decode()
        figure = re.search(r'<figure class="gallery__item">\s*<picture>(?:<source[^>]*>)*(<img[^>]*>)', html)
        self.assertIsNotNone(figure)
        self.assertIn('alt=""', figure.group(1))

    def test_posters_are_searchable_by_their_alt_text_and_decorative_ones_by_their_caption_only(self):
        # Two images: Wagtail loads one image used twice in a stream as one object, whose alt text the last use sets.
        other = get_image_model().objects.create(title="IMG_2042", file=get_test_image_file())
        workshop = self.site["workshop"]
        workshop.results = [
            ("poster", {"image": {"image": self.image, "alt_text": "Plakat: cykelparkering ved teatret"}}),
            ("poster", {"image": {"image": other, "alt_text": "", "decorative": True}, "caption": "Pynt"}),
        ]
        publish(workshop)

        text = " ".join(IndexEntry.objects.filter(page_id=workshop.pk).values_list("body", flat=True))
        self.assertIn("Plakat: cykelparkering ved teatret", text)
        self.assertIn("Pynt", text)
        self.assertNotIn("IMG_2041", text)
        self.assertNotIn("IMG_2042", text)
