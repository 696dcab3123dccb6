"""The wijkscan in a real browser: step by step with htmx, and as one plain form without it."""

import re

import pytest
from playwright.sync_api import expect

from wijkscan.models import ScanQuestion

pytestmark = pytest.mark.browser


def _calm_answers():
    """For every question, the answer that points most strongly to 'rust'."""
    answers = {}
    for question in ScanQuestion.objects.for_scan():

        def calm_points(answer):
            return sum(w.points for w in answer.weights.all() if w.phase.slug == "in-rust")

        answers[question.slug] = max(question.answers.all(), key=calm_points)
    return answers


def test_scan_step_by_step_with_back_and_a_shareable_result(page, browser, seeded_server):
    answers = _calm_answers()
    total = len(answers)
    page.goto(f"{seeded_server.url}/wijkscan/")
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("link", name="Start: één vraag per keer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Vraag 1 van {total}")
    expect(page).to_have_url(re.compile(r"/wijkscan/\?stap=1$"))

    for number, answer in enumerate(answers.values(), 1):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Vraag {number} van {total}")
        page.get_by_label(answer.text_nl, exact=True).check()
        if number == 2:
            # Go back once: the first answer is still chosen, and forward again.
            page.get_by_role("link", name="Vorige vraag").click()
            expect(page.get_by_role("heading", level=1)).to_have_text(f"Vraag 1 van {total}")
            first = next(iter(answers.values()))
            expect(page.get_by_label(first.text_nl, exact=True)).to_be_checked()
            page.get_by_role("button", name="Volgende vraag").click()
            page.get_by_label(answer.text_nl, exact=True).check()
        button = "Toon de uitkomst" if number == total else "Volgende vraag"
        page.get_by_role("button", name=button).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Jouw wijk lijkt in de fase Rust te zitten"
    )
    assert page.evaluate("window.__sameDocument === true"), "a step replaced the whole page"
    result_url = page.url
    assert "/wijkscan/resultaat/?" in result_url

    fresh = browser.new_page()
    fresh.goto(result_url)
    expect(fresh.get_by_role("heading", level=1)).to_have_text(
        "Jouw wijk lijkt in de fase Rust te zitten"
    )
    fresh.get_by_role("link", name=re.compile("^Naar Verbinden in rust")).click()
    expect(fresh).to_have_url(f"{seeded_server.url}/verbinden/in-rust/")
    fresh.close()


def test_scan_without_javascript_is_one_plain_form(browser, seeded_server):
    answers = _calm_answers()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/en/wijkscan/")

    for slug, answer in answers.items():
        page.locator(f"#q-{slug}").get_by_label(answer.text_en, exact=True).check()
    page.locator("#scan-form").get_by_role("button", name="Show the outcome").click()

    expect(page).to_have_url(re.compile(r"/en/wijkscan/resultaat/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your neighbourhood seems to be in the phase Calm"
    )
    context.close()


def test_an_incomplete_form_shows_what_is_missing(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seeded_server.url}/wijkscan/resultaat/?contact=weinig")

    expect(page.get_by_role("heading", name="Er klopt nog iets niet")).to_be_visible()
    expect(page.get_by_text("Beantwoord deze vraag.").first).to_be_visible()
    context.close()
