"""The first view of the main pages stays under 30 KB gzipped (issue 21), in the default look
and in each gemeente's theme.

The first view is what a browser must fetch before it can show the page: the HTML, every
stylesheet it links and any script that blocks rendering. The site's scripts (htmx, 16.6 KB
gzipped, and the small ones) are all `defer`: they load beside the page, which shows and works
without them (every page works without JavaScript), so they are listed and checked to be deferred
but are not in the budget. A size, not a time; fonts are the system's.
"""

import gzip
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from gemeenten.themes import themes
from tests.factories import GemeenteFactory

BUDGET = 30_000  # bytes, gzipped
PAGES = [
    "/",
    "/verbinden/bij-spanningen/",
    "/verbinden/bij-incidenten/aanpakken-en-handhaven/",
    "/wijkscan/",
    "/buurtoverleg/",
]


class _Assets(HTMLParser):
    """The static files a page links: stylesheets and scripts, each with whether it blocks."""

    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append((attrs["href"], True))
        elif tag == "script" and attrs.get("src"):
            blocks = "defer" not in attrs and "async" not in attrs
            self.assets.append((attrs["src"], blocks and attrs.get("type") != "module"))


def linked_assets(html):
    """(url, blocks rendering) for every stylesheet and script the page links."""
    parser = _Assets()
    parser.feed(html)
    return parser.assets


def static_file(url):
    """The bytes of a linked static file, found where collectstatic would find it."""
    assert url.startswith(settings.STATIC_URL), f"{url} is not a static file"
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} is linked but not in the static files"
    with open(path, "rb") as file:
        return file.read()


def gzipped(data):
    return len(gzip.compress(data, compresslevel=9))


def first_view(client, path, host):
    """The gzipped size of the page and of what blocks its rendering, by part; and the deferred
    scripts' sizes apart."""
    response = client.get(path, headers={"Host": host})
    assert response.status_code == 200, path
    html = response.content
    blocking, deferred = {"html": gzipped(html)}, {}
    for url, blocks in linked_assets(html.decode()):
        (blocking if blocks else deferred)[url] = gzipped(static_file(url))
    return blocking, deferred


@pytest.fixture
def seed(db):
    call_command("seed", verbosity=0)


def test_the_assets_of_a_page_are_read_from_its_links():
    html = (
        '<link rel="stylesheet" href="/static/css/a.css"><link rel="icon" href="/static/i.svg">'
        '<script src="/static/js/b.js" defer></script><script type="application/json"></script>'
    )

    assert linked_assets(html) == [("/static/css/a.css", True), ("/static/js/b.js", False)]
    assert linked_assets('<script src="/static/c.js"></script>') == [("/static/c.js", True)]


@pytest.mark.parametrize("theme", [None, *sorted(themes())])
def test_the_first_view_of_each_main_page_stays_under_30_kb_gzipped(client, seed, theme):
    host = "localhost"
    if theme:
        gemeente = GemeenteFactory(slug=f"thema-{theme}", theme=theme)
        host = f"{gemeente.slug}.wijkverbinder.example"
    for path in PAGES:
        blocking, deferred = first_view(client, path, host)
        assert "/static/css/components.css" in blocking, path
        assert "/static/vendor/htmx-2.0.10.min.js" in deferred, path
        if theme:
            assert f"/static/css/themes/{theme}.css" in blocking, path
        assert sum(blocking.values()) < BUDGET, f"{path} ({theme or 'default'}): {blocking}"
