"""Every look through axe (contrast included) on every page type, at phone and desktop width, with
JavaScript on and off: each shipped theme and a gemeente's own uploaded design tokens.

A gemeente's pages are asked for at its own host name: <slug>.localhost, which Chromium sends to
the loopback address where the live server listens.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile

from gemeenten import owntokens
from gemeenten.models import Gemeente, Host
from gemeenten.themes import themes
from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "/",
    "/verbinden/bij-spanningen/",
    "/verbinden/bij-incidenten/aanpakken-en-handhaven/",
    "/bindingsladder/",
    "/bibliotheek/",
    "/wijkscan/",
    "/wijkscan/resultaat/?contact=weinig",
    "/buurtoverleg/",
    "/voorbeelden/",
    "/voorbeelden/delen/",
    "/zoeken/?q=buren",
    "/contact/",
    "/verbinden/bestaat-niet/",
]


# A gemeente's own design tokens (gemeenten.owntokens), as its editors would upload them.
OWN_TOKENS = """:root {
  --gemeente-red: hsl(354 75% 38%);
  --utrecht-button-primary-action-background-color: var(--gemeente-red);
  --utrecht-link-color: #0a4a7a;
  --utrecht-document-color: rgb(20, 20, 24);
  --utrecht-document-font-family: Georgia, serif;
  --utrecht-separator-color: #c8c8c8;
}"""
LOOKS = [*sorted(themes()), "own-tokens"]


def _gemeente_with_look(look):
    gemeente = Gemeente.objects.create(
        name=f"Gemeente {look}", slug=look, theme=look if look in themes() else ""
    )
    if look == "own-tokens":
        gemeente.set_own_tokens(
            owntokens.read(SimpleUploadedFile("index.css", OWN_TOKENS.encode()))
        )
        gemeente.save()
    Host.objects.create(gemeente=gemeente, name=f"{look}.localhost")
    return gemeente


def _look_stylesheet(look, gemeente):
    if look == "own-tokens":
        return f"/huisstijl/{gemeente.own_tokens_digest}.css"
    return f"/css/themes/{look}.css"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("look", LOOKS)
def test_every_look_has_no_axe_violations(browser, seeded_server, look, javascript):
    gemeente = _gemeente_with_look(look)
    port = seeded_server.url.rsplit(":", 1)[1]
    base = f"http://{look}.localhost:{port}"
    context = browser.new_context()
    page = context.new_page()
    if not javascript:
        # The site's scripts are all files (the CSP allows no inline script): refused, the page
        # is what a browser without JavaScript shows, and axe, which the test injects, still runs
        # (in a context with JavaScript switched off its promise never settles).
        page.route("**/*.js", lambda route: route.abort())
    axe = Axe()
    reports = []
    # Without JavaScript the page is the same at every width but for its menu: the phone's.
    for width in (375, 1280) if javascript else (375,):
        page.set_viewport_size({"width": width, "height": 900})
        for path in [*PAGE_TYPES, *(f"/en{path}" for path in PAGE_TYPES[:4])]:
            response = page.goto(base + path)
            assert response.status in (200, 400, 404), path
            stylesheets = page.eval_on_selector_all(
                'link[rel="stylesheet"]', "links => links.map(link => link.href)"
            )
            assert any(href.endswith(_look_stylesheet(look, gemeente)) for href in stylesheets), (
                path
            )
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                reports.append(f"{path} at {width}px:\n{results.generate_report()}")
    context.close()

    assert not reports, "\n\n".join(reports)
