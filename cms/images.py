"""Responsive pictures: the renditions a `{% picture %}` tag in the templates asks for, prefetched.

Each picture offers AVIF, then WebP, then JPEG, at three widths (Wagtail's `{% picture %}` tag writes
the `<source>`s, `srcset` and `sizes`). A template's tag cannot read its filter spec from a variable,
so the spec of every picture that is shown in a list is written here as well, and the code that lists
those images prefetches exactly these renditions: one query for all images, not one per image.
docs/performance.md ("Lighter pages") says why these formats and widths.
"""

from django.db.models import Prefetch, prefetch_related_objects

from wagtail.images import get_image_model
from wagtail.images.models import Filter

# As in cases/templates/cases/includes/person_card.html and cases/templates/cases/blocks/gallery_image.html.
PERSON_CARD_PHOTO = "format-{avif,webp,jpeg}|fill-{80x80,160x160,240x240}"
GALLERY_PHOTO = "format-{avif,webp,jpeg}|fill-{640x420,320x210,960x630}"


def picture_filters(spec):
    """The single filter specs a `{% picture %}` spec with {…} alternatives stands for."""
    return Filter.expand_spec(spec)


def images_with_renditions(spec):
    """Images with the renditions of one picture spec prefetched (Wagtail's `prefetch_renditions`)."""
    return get_image_model().objects.prefetch_renditions(*picture_filters(spec))


def prefetch_image_renditions(images, spec):
    """Prefetch one picture spec's renditions for images already loaded (e.g. by a StreamField), in one query."""
    images = [image for image in images if image is not None and not hasattr(image, "prefetched_renditions")]
    if images:
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=picture_filters(spec))
        prefetch_related_objects(images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"))


def photo_prefetch(lookup, spec):
    """A Prefetch of the image behind `lookup` (a ForeignKey to an image) with the spec's renditions."""
    return Prefetch(lookup, queryset=images_with_renditions(spec))
