"""The map of Denmark: light, true to the source within what the eye can tell, neighbours drawn with the
same border, and rendered once per content change rather than per request."""

import math
import re
from unittest import mock

from django.test import TestCase

from cms.models import Municipality
from strategies import map_data
from strategies.denmark_map import TOLERANCE, denmark_map, projection
from strategies.factories import MunicipalityPageFactory
from strategies.tests.test_public_pages import map_svg
from strategies.tests.utils import build_tree, publish

KOEBENHAVN, FREDERIKSBERG = 101, 147
ROUNDING = math.sqrt(2) / 2  # the farthest a point moves when both coordinates are rounded to whole units


def drawn_rings(path):
    """The rings of a path as lists of absolute (x, y), read back from the M…l…z data."""
    rings = []
    for part in re.findall(r"M[^M]+", path):
        numbers = [int(value) for value in re.findall(r"-?\d+(?:\.\d+)?", part)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def segments(rings):
    return {frozenset((ring[i - 1], ring[i])) for ring in rings for i in range(len(ring))}


def distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0 if not length else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


class MapDrawingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.shapes = {shape.code: shape for shape in denmark_map().shapes}
        cls.rings = {code: drawn_rings(shape.path) for code, shape in cls.shapes.items()}

    def test_all_98_municipalities_are_drawn_in_whole_units_and_light(self):
        self.assertEqual(len(self.shapes), 98)
        for code, shape in self.shapes.items():
            with self.subTest(shape.name):
                self.assertRegex(shape.path, r"^(M\d+ \d+l(-?\d+[ -]?)+z)+$")
                self.assertTrue(any(len(ring) >= 3 for ring in self.rings[code]))
        # 135 KB of path data before simplification; the map must stay well under half of that.
        self.assertLess(sum(len(shape.path) for shape in self.shapes.values()), 55_000)

    def test_an_enclave_and_the_hole_around_it_are_the_same_line(self):
        frederiksberg = segments(self.rings[FREDERIKSBERG])
        self.assertTrue(frederiksberg)
        self.assertLessEqual(frederiksberg, segments(self.rings[KOEBENHAVN]))

    def test_neighbours_share_their_drawn_border(self):
        """Every pair of municipalities with a common border in the source draws part of it with the very
        same segments, so no gap or overlap opens between them."""
        source = projection()
        owners = {}
        for code, rings in source.rings.items():
            for ring in rings:
                for i in range(len(ring)):
                    owners.setdefault(frozenset((ring[i - 1], ring[i])), set()).add(code)
        neighbours = {frozenset(codes) for codes in owners.values() if len(codes) == 2}
        self.assertGreater(len(neighbours), 150)
        drawn = {code: segments(rings) for code, rings in self.rings.items()}
        apart = sorted(
            tuple(sorted(self.shapes[code].name for code in pair))
            for pair in neighbours
            if not drawn[min(pair)] & drawn[max(pair)]
        )
        self.assertEqual(apart, [])

    def test_no_border_strays_further_than_the_tolerance_and_the_rounding(self):
        """Each municipality's main outline: every source point lies within TOLERANCE + rounding of the drawing."""
        source = projection()
        limit = TOLERANCE + ROUNDING + 1e-9
        for code, rings in source.rings.items():
            transform = source.transform(code)
            largest = max(rings, key=len)
            drawn = [(ring[i - 1], ring[i]) for ring in self.rings[code] for i in range(len(ring))]
            worst = max(
                min(distance_to_segment(transform(*point), start, end) for start, end in drawn) for point in largest
            )
            with self.subTest(self.shapes[code].name):
                self.assertLessEqual(worst, limit)


class MapRenderedOncePerChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def test_the_map_is_rendered_once_until_a_publish_changes_it(self):
        # The site's very first request creates its settings rows, which is a change of content.
        self.client.get("/kommuner/")
        with mock.patch.object(map_data, "map_entries", wraps=map_data.map_entries) as entries:
            for _ in range(3):
                self.assertIn('aria-label="Aarhus Kommune: strategi i gang"', map_svg(self.client.get("/kommuner/")))
            self.assertLessEqual(entries.call_count, 1)
            drawn = entries.call_count

            publish(MunicipalityPageFactory(parent=self.index, municipality=Municipality.objects.get(code=630)))
            svg = map_svg(self.client.get("/kommuner/"))
            self.assertIn('aria-label="Vejle Kommune: medlem, ingen offentliggjort strategi endnu"', svg)
            self.assertEqual(entries.call_count, drawn + 1)

    def test_the_home_page_map_follows_an_unpublish(self):
        self.assertIn('aria-label="Aarhus Kommune: strategi i gang"', map_svg(self.client.get("/")))
        self.aarhus_page.unpublish()
        response = self.client.get("/")
        self.assertIn('aria-label="Aarhus Kommune: ikke medlem"', map_svg(response))
        self.assertContains(response, "1 kommune er medlem af netværket.")

    def test_each_language_has_its_own_copy(self):
        self.assertIn('aria-label="Odense Kommune: strategi vedtaget"', map_svg(self.client.get("/kommuner/")))
        english = map_svg(self.client.get("/en/kommuner/"))
        self.assertIn('aria-label="Odense Kommune: strategy adopted"', english)
        self.assertIn('href="/en/kommuner/odense/"', english)
        self.assertIn('href="/kommuner/odense/"', map_svg(self.client.get("/kommuner/")))
