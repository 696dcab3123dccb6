"""Every page type, in both languages, is valid HTML by the Nu Html Checker (vnu).

The checker is the W3C's own (vnu.jar, from npm, run by Debian's Java): `make validator` installs
both, and `make test` runs it first. The pages are found the way a visitor finds them: by following
links from the home pages, one or two pages of each kind (each URL name), plus the pages reached by
a form (the wijkscan's outcome, a buurtoverleg) and the error pages. htmx attributes are written
as `data-hx-*`, which htmx reads as well and HTML allows.
"""

import json
import subprocess
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from wijkscan.models import ScanQuestion

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist"
PER_KIND = 2
LIMIT = 160


def _kind(path):
    """The URL name a path resolves to (a page type), or None for files and unknown paths."""
    path = urlsplit(path).path
    with translation.override("en" if path.startswith("/en/") else "nl"):
        try:
            return resolve(path).view_name
        except Resolver404:
            return None


def _crawl(client, starts):
    """Pages of every kind reachable by links from the given pages (the home pages and more)."""
    seen_kinds = Counter()
    pages = {}
    queue = deque(starts)
    queued = set(queue)
    while queue and len(pages) < LIMIT:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[path] = response.content
        for link in BeautifulSoup(response.content, "html.parser").find_all("a", href=True):
            href = urldefrag(link["href"])[0]
            if not href.startswith("/") or href.startswith("//") or href in queued:
                continue
            if href.startswith(("/static/", "/admin/", "/media/")):
                continue
            kind = _kind(href)
            if kind is None or seen_kinds[kind] >= PER_KIND:
                continue
            seen_kinds[kind] += 1
            queued.add(href)
            queue.append(href)
    return pages


def _form_pages(client):
    """Pages a visitor reaches by filling in a form, which no link leads to."""
    questions = list(ScanQuestion.objects.for_scan())
    answers = "&".join(f"{q.slug}={q.answers.all()[0].slug}" for q in questions)
    pages = {}
    for language in ("nl", "en"):
        with translation.override(language):
            pages.update(_form_pages_in(client, answers))
    return pages


def _form_pages_in(client, answers):
    pages = {}
    for path in (
        reverse("wijkscan:result") + "?" + answers,
        reverse("examples:list") + "?q=zzzzzz",
        reverse("examples:list") + "?fase=" + "x" * 300,
        reverse("phases:list") + "bestaat-niet/",
        reverse("search:search") + "?q=buurt",
        reverse("content:open_data"),
    ):
        pages[path] = client.get(path).content
    return pages


def _new_buurtoverleg(client):
    """The coordinator's pages of a new buurtoverleg, in both languages: where the crawl goes on."""
    starts = []
    for language in ("nl", "en"):
        with translation.override(language):
            response = client.post(
                reverse("buurtoverleg:create"), {"name": "Validatiebuurt"}, follow=True
            )
        assert response.redirect_chain, "creating a buurtoverleg redirects to its own address"
        starts.append(response.redirect_chain[-1][0])
    return starts


def test_every_page_type_is_valid_html(client, tmp_path):
    jar = VNU / "vnu.jar"
    assert jar.exists(), "The Nu Html Checker is missing: run `make validator` (make test does)."
    call_command("seed", verbosity=0)
    pages = {**_form_pages(client), **_crawl(client, ["/", "/en/", *_new_buurtoverleg(client)])}
    kinds = {_kind(path) for path in pages}
    assert len(kinds) >= 20, f"the crawl reached too few page types: {sorted(map(str, kinds))}"
    names = {}
    for number, (path, content) in enumerate(sorted(pages.items())):
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(content)
        names[f"file:{file}"] = path
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            *(name.removeprefix("file:") for name in names),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{names.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n" + "\n".join(errors[:40])
