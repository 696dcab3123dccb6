"""The browser reports nothing: not one console message of any kind (a style or script the CSP
blocks, a header it does not understand, a script error) on any page, in both languages, whether
opened directly or reached by an htmx click."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import PAGES
from tests.browser.test_buurtoverleg import overleg_pages  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

# Pages that answer with an error: Chromium logs the failed document itself, and nothing else.
ERROR_PAGES = {"/verbinden/bestaat-niet/": 404, "/wijkscan/resultaat/?contact=weinig": 400}

# Where the htmx clicks start: every link that htmx swaps in on these pages is followed.
CLICK_FROM = [
    "/",
    "/verbinden/bij-ongemak/",
    "/verbinden/in-rust/elkaar-helpen/",
    "/voorbeelden/mensenbieb/",
    "/zoeken/?q={buren}",
    "/wijkscan/",
]
# The site search's word in each language: PostgreSQL searches English pages in English.
SEARCH_WORD = {"": "buren", "/en": "neighbours"}


@pytest.fixture
def console(page):
    """Every console message and uncaught error of the page, as text."""
    messages = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text} at {m.location['url']}"))
    page.on("pageerror", lambda error: messages.append(f"uncaught: {error}"))
    return messages


def _open(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_opened_directly_logs_nothing(page, seeded_server, console, prefix):
    logged = []
    for path in PAGES:
        if path in ERROR_PAGES:
            continue
        response = _open(page, f"{seeded_server.url}{prefix}{path}")
        assert response.status == 200, path
        page.reload()  # a second visit: revalidated with the ETag, or from the page cache
        page.wait_for_load_state("networkidle")
        logged += [f"{prefix}{path}: {message}" for message in console]
        console.clear()

    assert logged == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_error_pages_log_only_their_own_status(page, seeded_server, console, prefix):
    for path, status in ERROR_PAGES.items():
        url = f"{seeded_server.url}{prefix}{path}"
        response = _open(page, url)

        assert response.status == status
        assert console == [
            "error: Failed to load resource: the server responded with a status of "
            f"{status} ({response.status_text}) at {url}"
        ]
        console.clear()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_htmx_link_followed_logs_nothing(page, seeded_server, console, prefix):
    logged = []
    clicked = 0
    for start in CLICK_FROM:
        start = start.format(buren=SEARCH_WORD[prefix])
        start_url = f"{seeded_server.url}{prefix}{start}"
        _open(page, start_url)
        targets = page.eval_on_selector_all(
            "main a[data-hx-get]", "links => [...new Set(links.map(a => a.getAttribute('href')))]"
        )
        for href in targets:
            _open(page, start_url)
            page.evaluate("window.__sameDocument = true")
            page.locator(f'main a[data-hx-get="{href}"]').first.click()
            expect(page).to_have_url(f"{seeded_server.url}{href}")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__sameDocument === true"), f"{start} -> {href} reloaded"
            clicked += 1
            logged += [f"{prefix}{start} -> {href}: {message}" for message in console]
            console.clear()
        page.go_back()  # a history restore: htmx asks the server for the whole page
        page.wait_for_load_state("networkidle")
        logged += [f"back to {prefix}{start}: {message}" for message in console]
        console.clear()

    assert clicked > 20
    assert logged == []


def test_htmx_forms_and_filters_log_nothing(page, seeded_server, console):
    base = seeded_server.url
    _open(page, f"{base}/wijkscan/")
    page.get_by_role("link", name="Start: één vraag per keer").click()
    page.locator("main input[type=radio]").first.check()
    page.get_by_role("button", name="Volgende vraag").click()
    expect(page).to_have_url(f"{base}/wijkscan/?stap=2&contact=veel")
    _open(page, f"{base}/voorbeelden/")
    # A word many examples use, and no stop word of PostgreSQL's Dutch search ("de" is one).
    page.get_by_label("Zoek in de voorbeelden").fill("samen")
    expect(page).to_have_url(f"{base}/voorbeelden/?q=samen")
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page).to_have_url(f"{base}/voorbeelden/?q=samen&pagina=2")
    page.wait_for_load_state("networkidle")

    assert console == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_buurtoverleg_pages_log_nothing(page, seeded_server, overleg_pages, console, prefix):  # noqa: F811
    logged = []
    # The second is a manage link that opens nothing: the buurtoverleg's own styled 404, which
    # may log only its own failed load.
    unknown = overleg_pages[1]
    for path in overleg_pages:
        response = _open(page, f"{seeded_server.url}{prefix}{path}")
        assert response.status == (404 if path == unknown else 200), path
        logged += [
            f"{prefix}{path}: {message}"
            for message in console
            if not (path == unknown and "404" in message)
        ]
        console.clear()

    assert logged == []


def test_the_permissions_policy_names_only_features_the_browser_knows(page, seeded_server, console):
    response = _open(page, f"{seeded_server.url}/")

    assert "camera=()" in response.headers["permissions-policy"]
    assert not [message for message in console if "Permissions-Policy" in message]


@pytest.mark.parametrize(
    ("path", "status"), [("/verbinden/bestaat-niet/", 404), ("/wijkscan/resultaat/?x=1", 400)]
)
def test_in_development_an_htmx_error_answer_keeps_the_page_and_its_policy(
    page, seeded_server, console, settings, path, status
):
    """With DJANGO_DEBUG=true (make run) nothing may write Django's debug page, with its inline
    style and script, over the document: django-htmx's debug script did, on every htmx answer
    with status 400, 403, 404 or 500, and Chromium logged the CSP violation."""
    settings.DEBUG = True
    _open(page, f"{seeded_server.url}/")
    title = page.title()
    stylesheets = page.locator("link[rel=stylesheet]").count()
    page.evaluate(
        """path => {
            const link = document.querySelector("a.phase-tile");
            link.setAttribute("hx-get", path);
            htmx.process(link);
        }""",
        path,
    )

    with page.expect_response(lambda response: response.status == status):
        page.locator("a.phase-tile").first.click()
    page.wait_for_load_state("networkidle")

    assert not [message for message in console if "Content Security Policy" in message]
    assert page.locator("link[rel=stylesheet]").count() == stylesheets, "the document was replaced"
    if status == 404:
        assert page.title() == title
