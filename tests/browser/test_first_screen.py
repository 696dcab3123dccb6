"""On a phone the header is one row and the content starts on the first screen."""

import pytest

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
