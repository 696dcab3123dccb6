"""axe-core on every page of the walk, in both languages, at phone and desktop width."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
PAGES = [
    "/",
    "/verbinden/in-rust/",
    "/verbinden/bij-spanningen/",
    "/verbinden/in-rust/elkaar-helpen/",
    "/verbinden/bij-incidenten/aanpakken-en-handhaven/",
    "/verbinden/bestaat-niet/",
    "/bindingsladder/",
    "/bibliotheek/",
    "/bibliotheek/waarom-contact-werkt/",
    "/wijkscan/",
    "/wijkscan/?stap=3&contact=weinig&sfeer=prettig",
    "/wijkscan/resultaat/?contact=weinig",
    (
        "/wijkscan/resultaat/?contact=bijna-geen&sfeer=ongemakkelijk&ergernissen=vaak"
        "&aanspreken=liever-niet&wij-zij=negatief&discriminatie=toenemend&plekken=soms"
        "&overlast=regelmatig&vernielingen=enkele-keer&confrontaties=woorden"
        "&veiligheid=meestal&verantwoordelijkheid=eigen-groep"
    ),
    "/verbinden/bij-incidenten/",
    # The buurtoverleg's pages behind its links: tests/browser/test_buurtoverleg.py.
    "/buurtoverleg/",
    "/voorbeelden/",
    "/voorbeelden/?fase=bij-ongemak&activiteit=dialoog&q=boeken",
    "/voorbeelden/?q=bestaat-echt-niet",
    "/voorbeelden/mensenbieb/",
    "/voorbeelden/delen/",
    "/voorbeelden/delen/bedankt/",
    "/zoeken/?q=buren",
    "/zoeken/",
    "/open-data/",
    # An outcome with an answer that reports violence, a neighbourhood name and a date.
    (
        "/wijkscan/resultaat/?contact=weinig&sfeer=onveilig&ergernissen=soms&aanspreken=bang"
        "&wij-zij=vijandig&discriminatie=af-en-toe&plekken=soms&overlast=regelmatig"
        "&vernielingen=vaker&confrontaties=geweld&veiligheid=nee&verantwoordelijkheid=eigen-groep"
        "&wijk=De+Pijp&datum=2026-11-22"
    ),
    "/over/",
    "/contact/",
    "/privacy/",
    "/toegankelijkheid/",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_have_no_axe_violations(page, seeded_server, axe, prefix, width):
    page.set_viewport_size({"width": width, "height": 900})
    reports = []
    for path in PAGES:
        page.goto(f"{seeded_server.url}{prefix}{path}")
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports.append(f"{prefix}{path} at {width}px:\n{results.generate_report()}")

    assert not reports, "\n\n".join(reports)


def test_axe_reports_a_real_violation(page, seeded_server, axe):
    """Negative control: the check above can fail."""
    page.goto(f"{seeded_server.url}/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")

    results = axe.run(page, options=AXE_OPTIONS)

    assert results.violations_count >= 1


def test_the_page_fits_a_320px_screen_without_sideways_scrolling(page, seeded_server):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in PAGES:
        page.goto(f"{seeded_server.url}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
