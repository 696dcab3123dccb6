"""What a gemeente serves of its own: its logo and its own design tokens, on its own hosts only."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from gemeenten import owntokens
from gemeenten.models import Gemeente


@require_safe
def logo(request, digest):
    """The logo of the gemeente whose host this is, at an address that names its contents.

    Another gemeente's logo, an old version or the national site: 404. The address changes with
    the logo, so the answer may be kept for a year.
    """
    local = getattr(request, "gemeente", None)
    if local is None or digest != local.logo:
        raise Http404("No such logo on this host.")
    data = (
        Gemeente.objects.filter(pk=local.pk, logo_digest=digest)
        .values_list("logo", flat=True)
        .first()
    )
    if not data:
        raise Http404("No such logo on this host.")
    response = HttpResponse(bytes(data), content_type="image/png")
    response["ETag"] = f'"{digest}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    return response


@require_safe
def own_tokens(request, digest):
    """The stylesheet of the gemeente's own design tokens (gemeenten.owntokens), like `logo`."""
    local = getattr(request, "gemeente", None)
    if local is None or digest != local.own_tokens:
        raise Http404("No such stylesheet on this host.")
    properties = (
        Gemeente.objects.filter(pk=local.pk, own_tokens_digest=digest)
        .values_list("own_tokens", flat=True)
        .first()
    )
    if not properties:
        raise Http404("No such stylesheet on this host.")
    response = HttpResponse(owntokens.stylesheet(properties), content_type="text/css")
    response["ETag"] = f'"{digest}"'
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    return response
