"""The map of Denmark's 98 municipalities as SVG path strings, projected and simplified once per process.

The boundaries come from strategies/data/municipalities.geojson (DAGI 1:500 000, see SOURCES.md there).
Longitude and latitude are projected equirectangularly with longitude scaled by cos(56°), which keeps
Denmark's shape true enough at this scale. Bornholm is drawn in an inset in the north-east corner, as
Danish maps usually do.

The map is 1000 units wide and never drawn wider than 40rem (640 CSS pixels), so one unit is at most
0.64 CSS pixel. Borders are simplified with Douglas-Peucker to within `TOLERANCE` units and written in
whole units (an error of at most half a unit), both below what the eye can tell at that size. Shared
borders stay shared: every ring is cut into arcs at the points where the municipalities that share it
change (as TopoJSON does), and each arc is simplified and rounded once, so two neighbours draw the same
line and no gaps or overlaps open between them. Rings that simplify to nothing (islets smaller than a
unit) are left out; every municipality keeps at least its largest ring.
"""

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GEOJSON = Path(__file__).resolve().parent / "data" / "municipalities.geojson"
BORNHOLM_CODE = 400
WIDTH = 1000  # map units across the main map; the height follows from the projection
MARGIN = 10
X_SCALE = math.cos(math.radians(56))
TOLERANCE = 0.5  # map units a simplified border may stray from the source


@dataclass(frozen=True)
class MapShape:
    code: int
    name: str
    path: str  # the SVG path data


@dataclass(frozen=True)
class DenmarkMap:
    width: int
    height: int
    shapes: tuple  # MapShape, sorted by name
    inset: tuple  # (x, y, width, height) of Bornholm's box


def _rings(geometry):
    """Each ring of a (Multi)Polygon as a tuple of (lon, lat) points without the closing repeat."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        for ring in polygon:
            points = tuple(tuple(point) for point in ring)
            yield points[:-1] if points[0] == points[-1] else points


def _bounds(points):
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _junctions(all_rings):
    """The points where a border starts or stops being shared: those with different neighbours in
    different rings (or twice in one)."""
    neighbours = defaultdict(set)
    for ring in all_rings:
        count = len(ring)
        for i, point in enumerate(ring):
            neighbours[point].add(frozenset((ring[i - 1], ring[(i + 1) % count])))
    return {point for point, pairs in neighbours.items() if len(pairs) > 1}


def _arcs(ring, junctions):
    """The ring cut at its junctions into arcs (each a tuple of points, both ends included).

    A ring without junctions (an island, or an enclave and the hole around it) is one closed arc that
    starts at its smallest point, so the same ring is cut the same way wherever it occurs."""
    cuts = [i for i, point in enumerate(ring) if point in junctions]
    start = cuts[0] if cuts else ring.index(min(ring))
    rotated = ring[start:] + ring[:start]
    arcs, current = [], [rotated[0]]
    for point in rotated[1:]:
        current.append(point)
        if point in junctions:
            arcs.append(tuple(current))
            current = [point]
    current.append(rotated[0])
    arcs.append(tuple(current))
    return arcs


def _distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length)) if length else 0.0
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _douglas_peucker(points, tolerance):
    """The indexes of the points to keep so that no dropped point lies farther than tolerance from the
    segment that replaces it (the segment, not its line: a point beyond an end counts by its distance).

    The ends are always kept; for a closed arc (both ends the same point) the farthest point from the
    start splits it first."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = -1.0, None
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return sorted(keep)


def _round_arc(points):
    """Whole map units, without repeated points or points on the straight line between their neighbours.
    The ends stay (they are junctions that other arcs meet)."""
    rounded = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    kept = rounded[:1]
    for i in range(1, len(rounded) - 1):
        (ax, ay), (px, py), (bx, by) = kept[-1], rounded[i], rounded[i + 1]
        on_the_line = (px - ax) * (by - ay) == (py - ay) * (bx - ax)
        between = (px - ax) * (px - bx) + (py - ay) * (py - by) <= 0
        if not (on_the_line and between):
            kept.append(rounded[i])
    if len(rounded) > 1:
        kept.append(rounded[-1])
    return kept


def _area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)))


def _path(rings):
    """SVG path data: an absolute move to each ring's start, then relative lines in whole units."""
    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        deltas = []
        for point in rest:
            deltas.append(f"{point[0] - x} {point[1] - y}")
            x, y = point
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{' '.join(deltas).replace(' -', '-')}z")
    return "".join(parts)


class _Simplifier:
    """Simplifies and rounds each arc once, whichever ring asks for it and in whichever direction."""

    def __init__(self, junctions, project):
        self.junctions = junctions
        self.project = project  # (lon, lat) → map units, used for distances
        self.simplified = {}

    def arc(self, arc, transform):
        reverse = arc[::-1]
        canonical = min(arc, reverse)
        key = (canonical, transform)
        if key not in self.simplified:
            projected = [self.project(*point) for point in canonical]
            kept = _douglas_peucker(projected, TOLERANCE)
            self.simplified[key] = _round_arc([transform(*canonical[i]) for i in kept])
        points = self.simplified[key]
        return points if canonical == arc else points[::-1]

    def ring(self, ring, transform):
        points = []
        for arc in _arcs(ring, self.junctions):
            points.extend(self.arc(arc, transform)[:-1])
        return points


@dataclass(frozen=True)
class Projection:
    """The source rings of each municipality and where they go on the map, before any simplification."""

    width: int
    height: int
    inset: tuple  # (x, y, width, height) of Bornholm's box, unrounded
    names: dict  # code → name
    rings: dict  # code → [ring of (lon, lat)]
    to_map: Callable  # (lon, lat) → (x, y) on the main map
    to_inset: Callable  # (lon, lat) → (x, y) in Bornholm's box

    def transform(self, code):
        return self.to_inset if code == BORNHOLM_CODE else self.to_map


@cache
def projection():
    """The source file read and its projection worked out, once per process."""
    with open(GEOJSON, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    rings_by_code = {int(feature["properties"]["code"]): list(_rings(feature["geometry"])) for feature in features}

    def project(lon, lat):
        return lon * X_SCALE, -lat

    mainland = [
        project(lon, lat)
        for code, rings in rings_by_code.items()
        if code != BORNHOLM_CODE
        for ring in rings
        for lon, lat in ring
    ]
    min_x, min_y, max_x, max_y = _bounds(mainland)
    scale = (WIDTH - 2 * MARGIN) / (max_x - min_x)
    height = round((max_y - min_y) * scale + 2 * MARGIN)

    def to_map(lon, lat):
        x, y = project(lon, lat)
        return (x - min_x) * scale + MARGIN, (y - min_y) * scale + MARGIN

    b_min_x, b_min_y, b_max_x, b_max_y = _bounds(
        [project(lon, lat) for ring in rings_by_code[BORNHOLM_CODE] for lon, lat in ring]
    )
    padding = 12
    inset_w = (b_max_x - b_min_x) * scale + 2 * padding
    inset_h = (b_max_y - b_min_y) * scale + 2 * padding
    inset_x, inset_y = WIDTH - MARGIN - inset_w, MARGIN

    def to_inset(lon, lat):
        x, y = project(lon, lat)
        return (x - b_min_x) * scale + inset_x + padding, (y - b_min_y) * scale + inset_y + padding

    return Projection(
        width=WIDTH,
        height=height,
        inset=(inset_x, inset_y, inset_w, inset_h),
        names={int(feature["properties"]["code"]): feature["properties"]["name"] for feature in features},
        rings=rings_by_code,
        to_map=to_map,
        to_inset=to_inset,
    )


@cache
def denmark_map():
    """The simplified map, computed the first time it is asked for and then kept."""
    source = projection()
    simplifier = _Simplifier(_junctions([ring for rings in source.rings.values() for ring in rings]), source.to_map)
    shapes = []
    for code, rings in source.rings.items():
        transform = source.transform(code)
        drawn = [simplifier.ring(ring, transform) for ring in rings]
        kept = [ring for ring in drawn if len(ring) >= 3 and _area(ring)]
        if not kept:  # never lose a municipality: keep its largest ring, rounded but not simplified
            largest = max(rings, key=lambda ring: _area([source.to_map(*point) for point in ring]))
            kept = [_round_arc([transform(*point) for point in largest])]
        shapes.append(MapShape(code, source.names[code], _path(kept)))
    shapes.sort(key=lambda shape: shape.name)
    return DenmarkMap(
        width=source.width,
        height=source.height,
        shapes=tuple(shapes),
        inset=tuple(round(value, 1) for value in source.inset),
    )
