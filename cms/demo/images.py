"""Demo images drawn with Pillow: abstract Danish landscapes, so nothing is downloaded."""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PillowImage
from PIL import ImageDraw

PALETTES = {
    "eng": ((176, 214, 232), (247, 236, 200), [(120, 170, 96), (86, 140, 72), (52, 104, 60)]),
    "kyst": ((150, 196, 226), (230, 240, 246), [(214, 196, 150), (70, 130, 170), (40, 92, 140)]),
    "skov": ((198, 222, 206), (244, 244, 230), [(70, 120, 80), (44, 94, 60), (26, 66, 44)]),
    "by": ((236, 206, 170), (252, 240, 222), [(150, 120, 110), (110, 90, 90), (70, 60, 70)]),
    "hede": ((206, 196, 226), (248, 232, 236), [(156, 112, 150), (120, 90, 120), (80, 70, 96)]),
}


def draw_landscape(palette, seed, size=(1600, 1000)):
    """A layered landscape with a sun: the same palette and seed always draw the same picture."""
    sky_top, sky_bottom, layers = PALETTES[palette]
    rng = random.Random(seed)
    width, height = size
    image = PillowImage.new("RGB", size, sky_top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y, radius = rng.randint(200, width - 200), rng.randint(120, 320), rng.randint(60, 110)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=(255, 226, 140))
    for index, colour in enumerate(layers):
        base = height * (0.55 + 0.15 * index)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.randint(-60, 60) * (1 - index * 0.25)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    return image


def get_or_create_demo_image(title, palette, seed, collection, report=None):
    """The demo image with this title, drawn and saved the first time it is asked for."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    draw_landscape(palette, seed).save(buffer, format="JPEG", quality=82, optimize=True)
    filename = f"demo-{palette}-{seed}.jpg"
    image = image_model(title=title, collection=collection)
    image.file.save(filename, ImageFile(buffer, name=filename), save=False)
    image._set_image_file_metadata()
    image.save()
    if report:
        report.count_created(True)
        report.detail(f"billede tegnet: {title}")
    return image
