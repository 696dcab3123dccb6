"""What a gemeente serves of its own: its logo and its own design tokens, on its own hosts only.

Each is served at an address that names its version (a digest of its contents), so the answer
may be kept for a year; another gemeente's, an old version, or the national site: 404.
"""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from gemeenten import owntokens
from gemeenten.models import Gemeente

YEAR = 365 * 24 * 3600


def _own(request, digest, *, local_digest, digest_field, value_field):
    """`value_field` of the gemeente whose host this is, when `digest` is its current version."""
    local = getattr(request, "gemeente", None)
    if local is None or digest != getattr(local, local_digest):
        raise Http404("Not on this host.")
    value = (
        Gemeente.objects.filter(pk=local.pk, **{digest_field: digest})
        .values_list(value_field, flat=True)
        .first()
    )
    if not value:
        raise Http404("Not on this host.")
    return value


def _for_a_year(content, content_type, digest):
    response = HttpResponse(content, content_type=content_type)
    response["ETag"] = f'"{digest}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


@require_safe
def logo(request, digest):
    """The gemeente's logo (gemeenten.logos), a PNG."""
    data = _own(
        request, digest, local_digest="logo", digest_field="logo_digest", value_field="logo"
    )
    return _for_a_year(bytes(data), "image/png", digest)


@require_safe
def own_tokens(request, digest):
    """The stylesheet of the gemeente's own design tokens (gemeenten.owntokens)."""
    properties = _own(
        request,
        digest,
        local_digest="own_tokens",
        digest_field="own_tokens_digest",
        value_field="own_tokens",
    )
    return _for_a_year(owntokens.stylesheet(properties), "text/css", digest)
