from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation


def _path_in_language(path, code):
    """The same page in another language; its home page when the path resolves to nothing."""
    translated = translate_url(path, code)
    if translated == path and code != translation.get_language():
        with translation.override(code):
            return reverse("phases:list")
    return translated


def site(request):
    """Site name, the page's canonical address and its address in each language."""
    alternates = []
    for code, name in settings.LANGUAGES:
        url = _path_in_language(request.path, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    return {
        "site_name": settings.SITE_NAME,
        "canonical_url": request.build_absolute_uri(request.path),
        "language_alternates": alternates,
        "og_image_url": request.build_absolute_uri(static("img/og-image.png")),
    }
