"""A gemeente's logo: uploaded in the admin, kept in the database, served on its own hosts.

The logo is stored in the database, not as a media file, so that every app server behind the
proxy has it the moment an editor saves it (no shared disk, no restart). An upload is checked and
drawn again as a small PNG: any raster format Pillow reads safely (PNG, JPEG, WebP, GIF), at
most `MAX_UPLOAD_BYTES`, scaled to at most `HEIGHT` by `MAX_WIDTH` pixels (2.5 times its size in
the header, for sharp screens), without its metadata. SVG is refused: a drawing that can carry
scripts is not served from the site's own origin.
"""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from gemeenten.uploads import refuse_larger_than

MAX_UPLOAD_BYTES = 1_000_000
MAX_SOURCE_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
# The stored PNG: 2.5 times the header's 32 px height (sharp on every screen), at most 5:1 wide.
HEIGHT = 80
MAX_WIDTH = 400
HEADER_HEIGHT = 32


def prepare(upload):
    """The uploaded file as the stored PNG: (bytes, width, height), or ValidationError."""
    refuse_larger_than(upload, MAX_UPLOAD_BYTES)
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise UnidentifiedImageError(image.format)
            width, height = image.size
            if width * height > MAX_SOURCE_PIXELS:
                raise ValidationError(
                    _("The logo is %(width)s by %(height)s pixels; make it smaller first."),
                    params={"width": width, "height": height},
                    code="too_many_pixels",
                )
            image.seek(0)
            drawn = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Upload the logo as a PNG, JPEG, WebP or GIF image."), code="not_an_image"
        ) from error
    drawn.thumbnail((MAX_WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    drawn.save(out, format="PNG", optimize=True)
    return out.getvalue(), drawn.width, drawn.height


def digest(data):
    """A short name for the stored logo's contents: its address changes when it does."""
    return hashlib.sha256(data).hexdigest()[:16]


def header_width(width, height):
    """The logo's width in the header, where it is HEADER_HEIGHT px high."""
    return max(1, round(width * HEADER_HEIGHT / height)) if height else 0
