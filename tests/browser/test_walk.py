"""The walk home → phase → activity in a real browser, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_walk_with_htmx_swaps_each_step_in_place_and_back_restores_it(page, seeded_server):
    page.goto(f"{seeded_server.url}/")
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("link", name=re.compile(r"^Fase 1 Rust")).click()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/in-rust/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Investeren in een goede sfeer in tijden van rust")
    expect(heading).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Investeren in een goede sfeer"))
    assert page.evaluate("window.__sameDocument === true"), "the phase replaced the whole page"

    page.get_by_role("link", name=re.compile(r"^Elkaar helpen")).click()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/in-rust/elkaar-helpen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Elkaar helpen")
    expect(page.get_by_role("heading", name="Dit werkt wel")).to_be_visible()
    # Its best three examples, and a link to all of them.
    expect(page.locator(".examples .example h3")).to_have_count(3)
    expect(page.locator(".examples__more a")).to_contain_text("Alle")
    english = page.get_by_role("navigation", name="Taal").get_by_role("link", name="English")
    expect(english).to_have_attribute("href", "/en/verbinden/in-rust/elkaar-helpen/")
    assert page.evaluate("window.__sameDocument === true"), "the activity replaced the whole page"

    page.go_back()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/in-rust/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Investeren in een goede sfeer in tijden van rust"
    )

    page.go_forward()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/in-rust/elkaar-helpen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Elkaar helpen")


def test_walk_in_english_and_switching_language_keeps_the_page(page, seeded_server):
    page.goto(f"{seeded_server.url}/en/")

    page.get_by_role("link", name=re.compile(r"^Phase 3 Tension")).click()
    page.get_by_role("link", name=re.compile(r"^Dialogue")).click()

    expect(page).to_have_url(f"{seeded_server.url}/en/verbinden/bij-spanningen/dialoog/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="This works")).to_be_visible()

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/bij-spanningen/dialoog/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dialoog")


def test_walk_without_javascript_loads_full_pages(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/")

    page.get_by_role("link", name=re.compile(r"^Fase 2 Ongemak")).click()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/bij-ongemak/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ongemak overwinnen door wederzijds begrip te creëren"
    )

    page.get_by_role(
        "link", name=re.compile(r"^Samenwerken aan een gemeenschappelijke")
    ).first.click()

    expect(page).to_have_url(
        f"{seeded_server.url}/verbinden/bij-ongemak/samenwerken-aan-een-gemeenschappelijk-belang/"
    )
    expect(page.get_by_role("heading", name="Dit werkt niet")).to_be_visible()

    page.go_back()

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/bij-ongemak/")
    context.close()


def test_a_shared_deep_link_opens_the_whole_page(page, seeded_server):
    page.goto(f"{seeded_server.url}/verbinden/bij-incidenten/aanpakken-en-handhaven/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Aanpakken en handhaven")
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Fasen")).to_be_visible()


def test_unknown_address_shows_the_styled_404_with_a_way_back(page, seeded_server):
    response = page.goto(f"{seeded_server.url}/en/verbinden/in-rust/does-not-exist/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We cannot find this page")
    page.get_by_role("link", name="Go to the home page").click()
    expect(page).to_have_url(f"{seeded_server.url}/en/")


def test_keyboard_only_skip_link_and_step_activation(page, seeded_server):
    page.goto(f"{seeded_server.url}/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{seeded_server.url}/#main-content")

    page.get_by_role("link", name=re.compile(r"^Fase 3 Spanning")).focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{seeded_server.url}/verbinden/bij-spanningen/")
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_a_step_that_loads_slowly_shows_the_loading_cue_until_it_arrives(page, seeded_server):
    page.goto(f"{seeded_server.url}/")
    release = []

    def hold_htmx_requests(route):
        if route.request.headers.get("hx-request"):
            release.append(route)
        else:
            route.continue_()

    page.route("**/verbinden/**", hold_htmx_requests)
    page.get_by_role("link", name=re.compile(r"^Fase 2 Ongemak")).click()

    bar = page.locator("#page-loading")
    expect(bar).to_have_class(re.compile(r"\bhtmx-request\b"))
    expect(page.locator("main")).to_have_class(re.compile(r"\bhtmx-request\b"))
    expect(bar).to_have_css("opacity", "1")

    page.wait_for_function("true")
    release[0].continue_()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Ongemak overwinnen"))
    expect(bar).not_to_have_class(re.compile(r"\bhtmx-request\b"))
