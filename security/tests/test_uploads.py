"""Findings 4 and 5: broken image files and pixel floods are refused with a Danish form error."""

import io
import os

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage

from cms.factories import UserFactory
from cms.permissions import grant_admin_access, grant_collection_permissions
from cms.tests.utils import make_home_page

from .utils import make_superuser

Image = get_image_model()
DANISH_ERROR = "Filen kan ikke læses som et billede"


def image_bytes(fmt, size=(240, 180)):
    """A real image with detail in it (noise compresses badly, so truncation cuts into pixel data)."""
    picture = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt)
    return buffer.getvalue()


def broken_files():
    """(name, bytes) for every kind of broken upload the issue lists."""
    files = []
    for fmt, extension in (("JPEG", "jpg"), ("PNG", "png"), ("GIF", "gif"), ("WEBP", "webp")):
        data = image_bytes(fmt)
        files.append((f"afkortet.{extension}", data[: len(data) // 2]))
    png = image_bytes("PNG")
    files.append(("kun-hoved.png", png[:33]))  # signature and IHDR, no pixel data
    jpeg = image_bytes("JPEG")
    files.append(("kun-hoved.jpg", jpeg[: jpeg.index(b"\xff\xda") + 2]))  # up to start of scan
    files.append(("tilfaeldig.png", os.urandom(4096)))
    return files


class BrokenImageUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home_page()
        cls.admin = make_superuser()
        cls.collection = Collection.get_first_root_node().add_child(name="Aarhus Kommune")
        group = Group.objects.create(name="Redaktører: Aarhus Kommune")
        grant_admin_access(group)
        grant_collection_permissions(group, cls.collection)
        cls.editor = UserFactory(username="redaktoer-aarhus", groups=[group])

    def upload_single(self, name, data):
        return self.client.post(
            "/admin/images/add/",
            {"title": name, "collection": self.collection.pk, "file": SimpleUploadedFile(name, data)},
        )

    def upload_multiple(self, name, data):
        return self.client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile(name, data), "collection": self.collection.pk},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    def check_every_broken_file(self, user):
        self.client.force_login(user)
        for name, data in broken_files():
            with self.subTest(view="add", file=name):
                response = self.upload_single(name, data)
                self.assertContains(response, DANISH_ERROR)
            with self.subTest(view="multiple", file=name):
                response = self.upload_multiple(name, data)
                self.assertEqual(response.status_code, 200)
                payload = response.json()
                self.assertFalse(payload["success"])
                self.assertIn(DANISH_ERROR, payload["error_message"])
        self.assertFalse(Image.objects.exists(), "nothing broken was stored")

    def test_administrator_gets_a_form_error_for_every_broken_file(self):
        self.check_every_broken_file(self.admin)

    def test_municipal_editor_gets_a_form_error_for_every_broken_file(self):
        self.check_every_broken_file(self.editor)

    def test_a_sound_image_is_still_accepted(self):
        self.client.force_login(self.editor)
        response = self.upload_single("hel.png", image_bytes("PNG"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Image.objects.get().collection, self.collection)

    def test_an_animated_gif_with_a_broken_later_frame_is_refused(self):
        frames = [PILImage.frombytes("RGB", (120, 90), os.urandom(120 * 90 * 3)) for _ in range(3)]
        buffer = io.BytesIO()
        frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
        data = buffer.getvalue()
        self.client.force_login(self.admin)
        response = self.upload_single("animation.gif", data[: int(len(data) * 0.8)])
        self.assertContains(response, DANISH_ERROR)

    def test_a_pixel_flood_is_refused(self):
        """A small PNG of 42 million pixels (the limit is 40 million)."""
        buffer = io.BytesIO()
        PILImage.new("1", (7000, 6000)).save(buffer, format="PNG")
        self.assertLess(len(buffer.getvalue()), 200_000)
        self.client.force_login(self.editor)
        response = self.upload_single("flod.png", buffer.getvalue())
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)
        self.assertFalse(Image.objects.exists())

    def test_the_pixel_limit_is_about_40_megapixels(self):
        from django.conf import settings

        self.assertEqual(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS, 40_000_000)
