"""Every theme through axe (contrast included) on every page type, at phone and desktop width.

A gemeente's pages are asked for at its own host name: <slug>.localhost, which Chromium sends to
the loopback address where the live server listens.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

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


@pytest.mark.parametrize("slug", sorted(themes()))
def test_every_theme_has_no_axe_violations(page, seeded_server, slug):
    gemeente = Gemeente.objects.create(name=f"Gemeente {slug}", slug=slug, theme=slug)
    Host.objects.create(gemeente=gemeente, name=f"{slug}.localhost")
    port = seeded_server.url.rsplit(":", 1)[1]
    base = f"http://{slug}.localhost:{port}"
    axe = Axe()
    reports = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for path in [*PAGE_TYPES, *(f"/en{path}" for path in PAGE_TYPES[:4])]:
            response = page.goto(base + path)
            assert response.status in (200, 400, 404), path
            stylesheets = page.eval_on_selector_all(
                'link[rel="stylesheet"]', "links => links.map(link => link.href)"
            )
            assert any(href.endswith(f"/css/themes/{slug}.css") for href in stylesheets), path
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                reports.append(f"{path} at {width}px:\n{results.generate_report()}")

    assert not reports, "\n\n".join(reports)
