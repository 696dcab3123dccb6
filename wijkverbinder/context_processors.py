from functools import lru_cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.query_strings import has_nul

MAX_QUERY_KEPT = 1000
# The footer's links to the site pages (pages app), by slug; no query needed.
FOOTER_LINKS = [
    ("over", _("About the Wijkverbinder")),
    ("contact", _("Contact")),
    ("privacy", _("Privacy")),
    ("toegankelijkheid", _("Accessibility")),
]
# The header's sections: the URL namespaces (or view names) that belong to each.
NAV_SECTIONS = {
    "phases": "phases",
    "activities:detail": "phases",
    "activities:ladder": "ladder",
    "wijkscan": "wijkscan",
    "library": "library",
    "examples": "examples",
    "buurtoverleg": "buurtoverleg",
}


def _path_in_language(path, code):
    return _translated_path(path, code, translation.get_language())


# Saves 0.1 ms of 2.3 ms per activity-page render (site() takes 0.03 ms instead of 0.11 ms;
# benchmarks/memos.py, 2 cores, issue 16).
@lru_cache(maxsize=4096)
def _translated_path(path, code, current):
    """The same page in another language; its home page when the path resolves to nothing.

    It depends only on the URLconf, so each process works it out once per path.
    """
    translated = translate_url(path, code)
    if translated == path and code != current:
        with translation.override(code):
            return reverse("phases:list")
    return translated


@receiver(setting_changed)
def _forget_translated_paths(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _translated_path.cache_clear()


def _absolute_url_builder(request):
    try:
        request.get_host()
    except DisallowedHost:
        # The 400 page for a forged Host header must not trip over that header again.
        return lambda url: url
    return request.build_absolute_uri


def _nav_section(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    return NAV_SECTIONS.get(match.view_name) or NAV_SECTIONS.get(match.namespace)


def site(request):
    """Site name, the page's canonical address and its address in each language.

    A view whose state lives in the query string (the wijkscan's outcome) sets
    `request.canonical_query` to the normalised query that its canonical address keeps; a view
    that answers with a piece of another page (the example list's results) sets
    `request.page_path` to that page's path.
    """
    path = getattr(request, "page_path", request.path)
    absolute = _absolute_url_builder(request)
    canonical_query = getattr(request, "canonical_query", "")
    keep = f"?{canonical_query}" if canonical_query else ""
    # The switcher keeps the query string (the wijkscan's answers); canonical links do not.
    # An oversized one (never ours) is dropped rather than echoed into every link.
    # The raw string is used as it came: parsing it could fail again on a 400 page.
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_KEPT or has_nul(query):
        query = ""  # a link to the same 400 helps nobody
    alternates = []
    for code, name in settings.LANGUAGES:
        url = _path_in_language(path, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": f"{url}?{query}" if query else url,
                "absolute_url": absolute(url) + keep,
            }
        )
    return {
        "site_name": settings.SITE_NAME,
        "nav_section": _nav_section(request),
        "footer_links": FOOTER_LINKS,
        "canonical_url": absolute(path) + keep,
        "language_alternates": alternates,
        "og_image_url": absolute(static("img/og-image.png")),
    }
