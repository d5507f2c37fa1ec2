"""Admin forms that check what editors send: image files that really decode."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage
from PIL import ImageFile, ImageSequence

logger = logging.getLogger(__name__)

# A truncated file is an error, never a half-grey picture.
ImageFile.LOAD_TRUNCATED_IMAGES = False

BROKEN_IMAGE_MESSAGE = _(
    "Filen kan ikke læses som et billede: den er beskadiget, ufuldstændig eller ikke et billede. "
    "Gem billedet igen i et billedprogram (JPEG, PNG, GIF eller WebP), og prøv igen."
)
# Animated GIF and WebP files are decoded frame by frame; more frames than this is not an image
# the site needs, and the pixel limit counts every frame anyway.
MAX_FRAMES = 500


def decode_fully(file):
    """Open the upload with Pillow and decode every pixel of every frame, or raise ValidationError.

    Willow (what Wagtail's image field uses) reads only the header, so a truncated or corrupt body
    passes the upload and fails later, when a thumbnail is made: as a 500 (wagtail issue 1354).
    """
    try:
        file.seek(0)
        with PILImage.open(file) as image:
            image.verify()
        file.seek(0)
        with PILImage.open(file) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image)):
                if number >= MAX_FRAMES:
                    raise ValidationError(BROKEN_IMAGE_MESSAGE, code="too_many_frames")
                frame.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, MemoryError) as exc:
        logger.info("Refused an image upload that does not decode: %r", exc)
        raise ValidationError(BROKEN_IMAGE_MESSAGE, code="broken_image") from exc
    except PILImage.DecompressionBombError as exc:
        raise ValidationError(BROKEN_IMAGE_MESSAGE, code="broken_image") from exc
    finally:
        file.seek(0)


class SafeWagtailImageField(WagtailImageField):
    """Wagtail's image field, with every failure to read the file turned into the Danish form error.

    Wagtail's own checks (format, size, pixel count) read the header through Willow and can raise
    Pillow's errors themselves on a broken header; then the file is decoded in full.
    """

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 (any decoder error means: not a usable image)
            logger.info("Refused an image upload whose header does not read: %r", exc)
            raise ValidationError(BROKEN_IMAGE_MESSAGE, code="broken_image") from exc
        if file is not None:
            decode_fully(file)
        return file


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) that refuses files Pillow cannot decode.

    Used by /admin/images/add/, the edit view and /admin/images/multiple/add/ alike.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            # Wagtail builds the field itself (formfield_for_dbfield); the subclass only adds checks.
            field.__class__ = SafeWagtailImageField
            field.error_messages["invalid_image"] = BROKEN_IMAGE_MESSAGE
