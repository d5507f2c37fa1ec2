"""Pictures as AVIF, then WebP, then JPEG, each at several widths with `srcset` and `sizes`, keeping width,
height and alt text; and pages that show many images fetch their renditions in one query, not one per image."""

import re

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cases.models import WorkshopFacilitator
from directory.factories import PersonFactory
from strategies.factories import StrategyPageFactory
from strategies.tests.utils import build_tree

from .utils import build_site, publish


def make_image(title, size=(240, 160)):
    return get_image_model().objects.create(title=title, file=get_test_image_file(size=size))


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w(?:,|$)", srcset)]


class PictureMarkupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        case = cls.site["case"]
        cls.photo = make_image("Reparationscafé", size=(1600, 1000))
        case.images = [("photo", {"image": {"image": cls.photo, "alt_text": "Gæster ved reparationsbordet"}})]
        publish(case)

    def assert_offers_avif_webp_and_jpeg(self, picture, sizes):
        avif, webp = (
            re.search(rf'<source sizes="{re.escape(sizes)}" srcset="([^"]+)" type="image/{kind}">', picture)
            for kind in ("avif", "webp")
        )
        self.assertIsNotNone(avif, picture)
        self.assertIsNotNone(webp, picture)
        self.assertLess(picture.index('type="image/avif"'), picture.index('type="image/webp"'))
        self.assertTrue(all(".avif " in part for part in avif.group(1).split(", ")))
        self.assertTrue(all(".webp " in part for part in webp.group(1).split(", ")))
        self.assertEqual(len(widths(avif.group(1))), 3)
        img = re.search(r"<img [^>]+>", picture).group(0)
        self.assertRegex(img, r'src="[^"]+\.jpg"')
        self.assertIn(f'sizes="{sizes}"', img)
        self.assertEqual(len(widths(re.search(r'srcset="([^"]+)"', img).group(1))), 3)
        self.assertRegex(img, r'width="\d+"')
        self.assertRegex(img, r'height="\d+"')
        return img

    def test_a_gallery_photo_keeps_its_alt_text_and_size_and_loads_lazily(self):
        html = self.client.get(self.site["case"].url).content.decode()
        (picture,) = pictures(html)
        img = self.assert_offers_avif_webp_and_jpeg(picture, "(min-width: 31rem) 22rem, calc(100vw - 2rem)")
        self.assertIn('alt="Gæster ved reparationsbordet"', img)
        self.assertIn('height="420"', img)
        self.assertIn('width="640"', img)
        self.assertIn('loading="lazy"', img)

    def test_a_hero_image_keeps_its_alt_text_and_size(self):
        tree = type("Tree", (), {})
        build_tree(tree)
        strategy = StrategyPageFactory(
            parent=tree.aarhus_page, title="Strategi med billede", hero_image=self.photo, hero_image_alt="En eng"
        )
        publish(strategy)
        (picture,) = pictures(self.client.get(strategy.url).content.decode())
        img = self.assert_offers_avif_webp_and_jpeg(
            picture, "(min-width: 80rem) 33rem, (min-width: 60rem) 40vw, calc(100vw - 2rem)"
        )
        self.assertIn('alt="En eng"', img)
        self.assertIn('height="500"', img)
        self.assertIn('width="1200"', img)


class RenditionQueriesTests(TestCase):
    """A case's gallery and a workshop's facilitators (person cards with photos) cost the same queries for one
    image as for four, with the rendition cache empty (as after a restart without Redis)."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def show_images(self, count):
        case, workshop = self.site["case"], self.site["workshop"]
        case.images = [
            ("photo", {"image": {"image": make_image(f"Foto {i}"), "alt_text": f"Foto nummer {i}"}})
            for i in range(count)
        ]
        publish(case)
        workshop.facilitators = [
            WorkshopFacilitator(person=PersonFactory(photo=make_image(f"Portræt {i}"), photo_consent=True))
            for i in range(count)
        ]
        publish(workshop)

    def queries(self, page):
        response = self.client.get(page.url)  # makes the renditions the first time
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return len(queries), len(pictures(response.content.decode()))

    def test_queries_do_not_grow_with_the_number_of_images(self):
        self.show_images(1)
        one = {name: self.queries(self.site[name]) for name in ("case", "workshop")}
        self.show_images(4)
        four = {name: self.queries(self.site[name]) for name in ("case", "workshop")}
        for name in ("case", "workshop"):
            with self.subTest(name):
                self.assertEqual((one[name][1], four[name][1]), (1, 4))
                self.assertEqual(four[name][0], one[name][0])
