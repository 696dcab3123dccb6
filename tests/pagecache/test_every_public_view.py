"""Every public page answers from its key alone: no header outside the key changes it.

The page cache keys a page on its address, language and htmx variant (pagecache.pages.page_key).
These tests walk every view marked @public_page, on the seed content, in both languages and every
htmx variant, and send each request again with headers the key does not hold (`HX-Target`,
`Referer`, another `Accept-Language`, a client address, ...). The test settings make a view that
reads such a header an error (PAGE_CACHE_STRICT), and the two answers must be the same bytes.
"""

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from activities.models import Guidance
from examples.models import PracticeExample
from library.models import Publication
from pages.models import SitePage
from phases.models import Phase
from wijkscan.models import ScanQuestion

pytestmark = pytest.mark.django_db

VARIANTS = {
    "page": {},
    "htmx": {"HX-Request": "true"},
    "boosted": {"HX-Request": "true", "HX-Boosted": "true"},
    "history restore": {"HX-Request": "true", "HX-History-Restore-Request": "true"},
}
# Headers a page's key does not hold: none may change what a page is.
OUTSIDE_THE_KEY = {
    "HX-Target": "example-results",
    "HX-Trigger": "example-filters",
    "HX-Trigger-Name": "q",
    "HX-Current-URL": "http://testserver/elders/",
    "HX-Prompt": "ja",
    "Referer": "https://elders.example/",
    "User-Agent": "Probe/1.0",
    "Accept-Language": "en",
    "X-Forwarded-For": "203.0.113.9",
    "Accept": "application/json",
}


def public_views(resolver=None):
    """Every view function marked @public_page in the URLconf."""
    found = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            found |= public_views(pattern)
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "public_page", False):
            found.add(pattern.callback)
    return found


def addresses():
    """One or more addresses of every public page, on the seed content."""
    questions = list(ScanQuestion.objects.for_scan())
    answers = "&".join(f"{q.slug}={q.answers.all()[0].slug}" for q in questions)
    examples = PracticeExample.objects.published()
    return [
        reverse("phases:list"),
        *(phase.get_absolute_url() for phase in Phase.objects.all()),
        *(guidance.get_absolute_url() for guidance in Guidance.objects.published()[:6]),
        reverse("activities:ladder"),
        reverse("examples:list"),
        reverse("examples:list") + "?q=tuin&fase=in-rust",
        reverse("examples:list") + "?pagina=2",
        reverse("examples:results") + "?q=tuin",
        examples.first().get_absolute_url(),
        reverse("examples:thanks"),
        reverse("library:list"),
        Publication.objects.published().first().get_absolute_url(),
        SitePage.objects.first().get_absolute_url(),
        reverse("wijkscan:scan"),
        reverse("wijkscan:scan") + "?stap=2",
        reverse("wijkscan:result") + "?" + answers,
        reverse("search:search") + "?q=buurt",
        reverse("content:open_data"),
        reverse("content:open_data_file", kwargs={"name": "phases", "fmt": "json"}),
        "/sitemap.xml",
    ]


@pytest.fixture
def seed(db):
    call_command("seed", verbosity=0)


def test_the_walk_reaches_every_public_view(seed):
    walked = {resolve(address.partition("?")[0]).func for address in addresses()}

    assert public_views() - walked == set()


@pytest.mark.parametrize("language", ["", "/en"])
def test_no_header_outside_the_key_changes_a_public_page(seed, client, language, settings):
    settings.PAGE_CACHE_ENABLED = False  # render every request: compare what the views make
    differing = []
    for address in addresses():
        for variant, headers in VARIANTS.items():
            plain = client.get(language + address, headers=headers)
            probed = client.get(language + address, headers={**headers, **OUTSIDE_THE_KEY})
            assert plain.status_code < 500, address
            if (plain.status_code, plain.content) != (probed.status_code, probed.content):
                differing.append(f"{language}{address} ({variant})")

    assert differing == []
