"""On a phone the header is one row and the content starts on the first screen."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from examples.models import PracticeExample
from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_four_phase_tiles_are_on_the_first_screen_of_a_phone(page, seeded_server, prefix):
    page.set_viewport_size(PHONE)
    page.goto(f"{seeded_server.url}{prefix}/")

    tiles = page.locator(".phase-tile")
    assert tiles.count() == 4
    for index in range(4):
        box = tiles.nth(index).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], f"tile {index + 1} is below the fold"


def test_a_phase_pages_heading_starts_high_on_a_phone(page, seeded_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{seeded_server.url}/verbinden/bij-spanningen/")

    assert _box(page, ".site-header")["height"] <= 70
    assert _box(page, "#page-heading")["y"] <= 260


def test_the_menu_folds_on_a_phone_and_opens_without_javascript(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/verbinden/in-rust/")

    assert not page.locator("#site-nav").is_visible()
    assert not page.locator("#site-menu-nav").is_visible()
    page.locator("summary.site-menu__toggle").click()
    menu = page.locator("#site-menu-nav")
    assert menu.is_visible()
    menu.get_by_role("link", name="Wijkscan").click()
    assert page.url.endswith("/wijkscan/")
    context.close()


@pytest.mark.parametrize("width", [1280, 640])
def test_wide_screens_show_the_full_menu_and_200_percent_zoom_folds_it(page, seeded_server, width):
    # 200% zoom of a 1280 px window lays the page out as 640 CSS pixels.
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{seeded_server.url}/bibliotheek/")

    assert page.locator("#site-nav").is_visible() == (width == 1280)
    assert page.locator("summary.site-menu__toggle").is_visible() == (width == 640)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_the_header_marks_the_current_section(page, seeded_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{seeded_server.url}/verbinden/in-rust/elkaar-helpen/")

    current = page.locator("#site-nav a[aria-current]")
    assert current.count() == 1
    assert current.inner_text() == "Fasen"
    assert current.get_attribute("aria-current") == "true"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_first_example_is_on_the_first_screen_of_a_phone(page, seeded_server, prefix):
    page.set_viewport_size(PHONE)
    page.goto(f"{seeded_server.url}{prefix}/voorbeelden/")

    heading = _box(page, ".example-card h2")
    assert heading["y"] + heading["height"] <= PHONE["height"], "the first result is below the fold"
    assert _box(page, "#example-count")["y"] < heading["y"]
    assert not page.locator("#f-omgeving-straat").is_visible()  # folded away
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, results.generate_report()


def test_the_folded_filters_open_without_javascript_and_filter(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/voorbeelden/")

    page.locator("summary.filter-panel__toggle").click()
    page.locator("#f-omgeving-straat").check()
    page.get_by_role("button", name="Toon voorbeelden").click()

    assert "omgeving=straat" in page.url
    expect(page.locator("summary.filter-panel__toggle")).to_have_text("Filter (1 actief)")
    on_a_street = PracticeExample.objects.published().filter(settings__slug="straat").count()
    assert 0 < on_a_street <= 12  # one page of results
    assert page.locator(".example-card").count() == on_a_street
    context.close()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_on_a_laptop_the_filters_are_open_and_the_toggle_is_hidden(page, seeded_server, prefix):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{seeded_server.url}{prefix}/voorbeelden/")

    assert page.locator("label[for=f-omgeving-straat]").is_visible()
    assert not page.locator("summary.filter-panel__toggle").is_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, results.generate_report()
    page.locator("#f-omgeving-straat").focus()  # reachable by keyboard, not just painted
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"omgeving=straat"))
