"""The map of Denmark's 98 municipalities as SVG path strings, projected once per process.

The boundaries come from strategies/data/municipalities.geojson (DAGI 1:500 000, see SOURCES.md there).
Longitude and latitude are projected equirectangularly with longitude scaled by cos(56°), which keeps
Denmark's shape true enough at this scale. Bornholm is drawn in an inset in the north-east corner, as
Danish maps usually do. Nothing is simplified beyond the source file; coordinates are rounded to a tenth
of a map unit and written as relative moves to keep the page small.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GEOJSON = Path(__file__).resolve().parent / "data" / "municipalities.geojson"
BORNHOLM_CODE = 400
WIDTH = 1000  # map units across the main map; the height follows from the projection
MARGIN = 10
X_SCALE = math.cos(math.radians(56))


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
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def _bounds(points):
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _path(rings, transform):
    """SVG path data: an absolute move to each ring's start, then relative lines rounded to 0.1."""
    parts = []
    for ring in rings:
        points = [transform(lon, lat) for lon, lat in ring]
        rounded = [(round(x * 10), round(y * 10)) for x, y in points]
        start_x, start_y = rounded[0]
        commands = [f"M{start_x / 10:g} {start_y / 10:g}l"]
        previous = rounded[0]
        deltas = []
        for point in rounded[1:]:
            if point == previous:
                continue
            dx, dy = point[0] - previous[0], point[1] - previous[1]
            deltas.append(f"{dx / 10:g} {dy / 10:g}")
            previous = point
        if len(deltas) < 2:
            continue
        commands.append(" ".join(deltas).replace(" -", "-"))
        parts.append("".join(commands) + "z")
    return "".join(parts)


@cache
def denmark_map():
    """The projected map, read and computed the first time it is asked for and then kept."""
    with open(GEOJSON, encoding="utf-8") as handle:
        features = json.load(handle)["features"]

    def project(lon, lat):
        return lon * X_SCALE, -lat

    mainland = [
        project(lon, lat)
        for feature in features
        if int(feature["properties"]["code"]) != BORNHOLM_CODE
        for ring in _rings(feature["geometry"])
        for lon, lat in ring
    ]
    min_x, min_y, max_x, max_y = _bounds(mainland)
    scale = (WIDTH - 2 * MARGIN) / (max_x - min_x)
    height = round((max_y - min_y) * scale + 2 * MARGIN)

    def to_map(lon, lat):
        x, y = project(lon, lat)
        return (x - min_x) * scale + MARGIN, (y - min_y) * scale + MARGIN

    bornholm = next(f for f in features if int(f["properties"]["code"]) == BORNHOLM_CODE)
    b_min_x, b_min_y, b_max_x, b_max_y = _bounds(
        [project(lon, lat) for ring in _rings(bornholm["geometry"]) for lon, lat in ring]
    )
    padding = 12
    inset_w = (b_max_x - b_min_x) * scale + 2 * padding
    inset_h = (b_max_y - b_min_y) * scale + 2 * padding
    inset_x, inset_y = WIDTH - MARGIN - inset_w, MARGIN

    def to_inset(lon, lat):
        x, y = project(lon, lat)
        return (x - b_min_x) * scale + inset_x + padding, (y - b_min_y) * scale + inset_y + padding

    shapes = []
    for feature in features:
        code = int(feature["properties"]["code"])
        transform = to_inset if code == BORNHOLM_CODE else to_map
        shapes.append(MapShape(code, feature["properties"]["name"], _path(_rings(feature["geometry"]), transform)))
    shapes.sort(key=lambda shape: shape.name)
    return DenmarkMap(
        width=WIDTH,
        height=height,
        shapes=tuple(shapes),
        inset=(round(inset_x, 1), round(inset_y, 1), round(inset_w, 1), round(inset_h, 1)),
    )
