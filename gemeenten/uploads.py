"""What every file an editor uploads for a gemeente (its logo, its design tokens) must meet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def refuse_larger_than(upload, limit):
    """ValidationError when the upload has more than `limit` bytes; else rewound to its start."""
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s KB; it may be at most %(limit)s KB."),
            params={"size": upload.size // 1000, "limit": limit // 1000},
            code="too_large",
        )
    upload.seek(0)
