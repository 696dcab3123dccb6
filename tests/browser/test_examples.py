"""Finding and sharing practice examples in a real browser, with and without JavaScript."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from examples.models import ExampleSubmission

pytestmark = pytest.mark.browser


def test_typing_in_the_search_box_updates_the_list_and_the_address(page, seeded_server):
    page.goto(f"{seeded_server.url}/voorbeelden/")
    page.evaluate("window.__sameDocument = true")
    status = page.get_by_role("status")
    expect(status).to_have_text("48 voorbeelden")

    search = page.get_by_label("Zoek in de voorbeelden")
    search.press_sequentially("mensenb", delay=30)

    expect(status).to_have_text("1 voorbeeld voor \u2018mensenb\u2019")
    expect(page.locator(".example-card")).to_have_count(1)
    expect(page.get_by_role("link", name="Mensenbieb")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/voorbeelden/\?q=mensenb"))
    expect(search).to_be_focused()  # the field being typed in is never replaced
    assert page.evaluate("window.__sameDocument === true"), "the whole page was reloaded"


def test_ticking_a_filter_updates_list_counts_and_address_and_back_restores(page, seeded_server):
    page.goto(f"{seeded_server.url}/voorbeelden/")
    status = page.get_by_role("status")

    page.get_by_role("checkbox", name=re.compile(r"^Incidenten")).check()

    expect(status).to_have_text("10 voorbeelden")
    expect(page).to_have_url(re.compile(r"fase=bij-incidenten"))
    # With Incidenten ticked, Elkaar helpen leaves nothing and says so.
    expect(page.locator("#count-f-activiteit-elkaar-helpen")).to_have_class(
        re.compile("facet__count--none")
    )

    page.go_back()

    expect(page).to_have_url(f"{seeded_server.url}/voorbeelden/")
    expect(page.get_by_role("status")).to_have_text("48 voorbeelden")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Incidenten"))).not_to_be_checked()


def test_without_javascript_the_filters_are_a_form_with_a_button(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/voorbeelden/")

    page.get_by_label("Zoek in de voorbeelden").fill("buren")
    page.get_by_role("checkbox", name=re.compile(r"^Incidenten")).check()
    page.get_by_role("button", name="Toon voorbeelden").click()

    expect(page).to_have_url(re.compile(r"q=buren.*fase=bij-incidenten"))
    expect(page.get_by_role("link", name="Beter Buren")).to_be_visible()
    context.close()


def test_sharing_an_example_without_javascript_keeps_what_was_typed(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/voorbeelden/delen/")

    page.get_by_label("Naam van het initiatief").fill("Kookclub De Pan")
    page.get_by_label(re.compile(r"^Plaats")).fill("Zwolle")
    page.get_by_label("Wat heb je gedaan?").fill("Elke maand samen koken in het buurthuis.")
    page.get_by_role("button", name="Verstuur mijn voorbeeld").click()

    expect(page.get_by_role("alert")).to_contain_text("Kruis er minstens één aan.")
    expect(page.get_by_label("Naam van het initiatief")).to_have_value("Kookclub De Pan")
    expect(page.get_by_label("Wat heb je gedaan?")).to_have_value(
        "Elke maand samen koken in het buurthuis."
    )

    page.get_by_role("group", name=re.compile("In welke situatie")).get_by_label("Ongemak").check()
    page.get_by_role("group", name=re.compile("Wat voor activiteit")).get_by_label(
        "Dialoog"
    ).check()
    page.get_by_role("button", name="Verstuur mijn voorbeeld").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel voor je voorbeeld")
    assert ExampleSubmission.objects.get().name == "Kookclub De Pan"
    context.close()


def test_the_header_search_finds_guidance_and_examples(page, seeded_server):
    page.goto(f"{seeded_server.url}/")

    page.get_by_role("searchbox", name="Zoek op de site").fill("mensenbieb")
    page.get_by_role("searchbox", name="Zoek op de site").press("Enter")

    expect(page).to_have_url(f"{seeded_server.url}/zoeken/?q=mensenbieb")
    expect(page.get_by_role("region", name="Praktijkvoorbeelden")).to_contain_text("Mensenbieb")


def _fetch(url, headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read().decode()


def test_pieces_asked_for_by_hand_never_reach_the_next_visitor(page, seeded_server):
    """The cache-poisoning case: htmx requests without a target stored the whole content where
    the next visitor's results go (two headings, four forms). Each variant now has its address."""
    htmx = {"HX-Request": "true"}
    for _ in range(3):
        _fetch(f"{seeded_server.url}/voorbeelden/?q=tuin", htmx)
        _fetch(f"{seeded_server.url}/voorbeelden/?q=tuin", {**htmx, "HX-Target": "main-content"})
    page.goto(f"{seeded_server.url}/voorbeelden/")
    search = page.get_by_label("Zoek in de voorbeelden")

    search.press_sequentially("tuin", delay=30)

    expect(page).to_have_url(re.compile(r"/voorbeelden/\?q=tuin$"))
    expect(page.get_by_role("status")).to_contain_text("tuin")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("#example-results h1, #example-results form")).to_have_count(0)
    expect(search).to_be_focused()


def test_the_results_a_visitor_typed_for_never_become_anyone_elses_page(page, seeded_server):
    page.goto(f"{seeded_server.url}/voorbeelden/")
    page.get_by_label("Zoek in de voorbeelden").press_sequentially("tuin", delay=30)
    expect(page).to_have_url(re.compile(r"/voorbeelden/\?q=tuin$"))

    content = _fetch(f"{seeded_server.url}/voorbeelden/?q=tuin", {"HX-Request": "true"})
    page.goto(f"{seeded_server.url}/voorbeelden/?q=tuin")

    assert content.count("<h1") == 1  # the list's content, not its results alone
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("form#example-filters")).to_have_count(1)
