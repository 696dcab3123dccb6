"""In a real browser: editors' text never runs as script; the admin's editing pages pass axe."""

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities.models import ActivityType, BindingRung, Guidance, Tip
from examples.models import PracticeExample
from library.models import Publication
from phases.models import Phase
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import (
    GuidanceFactory,
    PracticeExampleFactory,
    PublicationFactory,
    ScanAnswerFactory,
)
from tests.second_factor import log_in_browser
from tests.xss_payloads import PAYLOADS
from wijkscan.models import ScanAnswer, ScanQuestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DETECTOR = """() => {
  const main = document.querySelector('main');
  const bad = [];
  for (const el of main.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') || attr.name.startsWith('hx-on')) bad.push(el.outerHTML);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(attr.name)
          && /^\\s*(javascript|data):/i.test(attr.value)) bad.push(el.outerHTML);
    }
    const banned = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'STYLE', 'TEMPLATE'];
    if (banned.includes(el.tagName)) {
      bad.push(el.outerHTML);
    }
  }
  return {bad, title: document.title, pwned: window.__xss || null};
}"""

TEXT_FIELDS = {
    Phase: [
        "name",
        "title",
        "headline",
        "current_quote",
        "current_text",
        "desired_quote",
        "desired_text",
        "signals",
        "worsening_signals",
        "improving_signals",
        "urgent_help",
        "call_to_action",
    ],
    BindingRung: ["name", "description"],
    ActivityType: ["name", "summary"],
    Guidance: ["introduction", "target_group_advice"],
    Tip: ["text"],
    PracticeExample: ["name", "organisation", "place", "description"],
    Publication: ["title", "kind", "authors", "publisher", "summary", "key_points"],
    ScanQuestion: ["text", "explanation"],
    ScanAnswer: ["text"],
}


def _fill(obj, payloads):
    """Put a payload into every text field of obj, in both languages where translated."""
    model = type(obj)
    for name in TEXT_FIELDS[model]:
        names = [f"{name}_nl", f"{name}_en"] if hasattr(obj, f"{name}_nl") else [name]
        for field_name in names:
            limit = model._meta.get_field(field_name).max_length or 10_000
            payload = next(p for p in payloads if len(p) <= limit)
            setattr(obj, field_name, payload)
    obj.save()


@pytest.fixture
def hostile_content(live_server):
    payloads = itertools.cycle(PAYLOADS)
    guidance = GuidanceFactory(tips=0, phase__slug="fase", activity_type__slug="activiteit")
    # Every payload in a tip, and the rest cycled through every other kind of text field.
    for position, payload in enumerate(PAYLOADS):
        Tip.objects.create(
            guidance=guidance, kind="works", text_nl=payload, text_en=payload, position=position
        )
    publication = PublicationFactory(slug="bron")
    guidance.sources.add(publication)
    example = PracticeExampleFactory(guidances=[guidance])
    answer = ScanAnswerFactory(question__slug="vraag", slug="antwoord", weights={guidance.phase: 3})
    for obj in (
        guidance.phase,
        guidance.activity_type.rung,
        guidance.activity_type,
        guidance,
        example,
        publication,
        answer.question,
        answer,
    ):
        _fill(obj, payloads)
    # Addresses stored past the form, as a fixture or an import could.
    PracticeExample.objects.filter(pk=example.pk).update(website="javascript:window.__xss=1")
    Publication.objects.filter(pk=publication.pk).update(url="data:text/html,<script>1</script>")
    return [
        "/",
        "/verbinden/fase/",
        "/verbinden/fase/activiteit/",
        "/bindingsladder/",
        "/bibliotheek/",
        "/bibliotheek/bron/",
        "/wijkscan/",
        "/wijkscan/?stap=1",
        "/wijkscan/resultaat/?vraag=antwoord",
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_payload_in_any_field_runs_or_becomes_markup(page, live_server, hostile_content, prefix):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    problems = []
    for path in hostile_content:
        page.goto(f"{live_server.url}{prefix}{path}")
        found = page.evaluate(DETECTOR)
        if found["bad"] or found["pwned"] or found["title"] == "pwned":
            problems.append((path, found))
    tips = page.goto(f"{live_server.url}{prefix}/verbinden/fase/activiteit/")
    assert tips.ok
    main_text = page.inner_text("main")

    assert dialogs == []
    assert problems == []
    missing = [payload for payload in PAYLOADS if payload.strip() not in main_text]
    assert missing == [], "these payloads did not render as visible text"


def test_the_detector_sees_a_real_injection(page, live_server, hostile_content):
    """Negative control: the check above would notice markup that got through."""
    page.goto(f"{live_server.url}/verbinden/fase/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x onerror=1>')"
    )

    assert page.evaluate(DETECTOR)["bad"]


# The admin pages this issue adds, in a browser, with axe.


def _log_in(page, live_server, django_user_model, prefix=""):
    user = django_user_model.objects.create_superuser(
        "beheer", "beheer@example.org", "Een-lang-wachtwoord-1"
    )
    # Password and second factor (tests/browser/test_two_step_login.py types both).
    log_in_browser(page, live_server.url, user)
    page.goto(f"{live_server.url}{prefix}/admin/")
    expect(page.locator("#user-tools")).to_be_visible()


def _save(page, comment):
    page.fill("#id_revision_comment", comment)
    page.click("input[name=_continue]")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_history_compare_and_conflict_pages_work_and_have_no_axe_violations(
    page, browser, live_server, django_user_model, prefix
):
    guidance = GuidanceFactory(introduction_nl="Buren helpen elkaar")
    _log_in(page, live_server, django_user_model, prefix)
    change = f"{live_server.url}{prefix}/admin/activities/guidance/{guidance.pk}/change/"
    page.goto(change)
    page.fill("#id_introduction_nl", "Buren helpen elkaar graag")
    _save(page, "Eerste")
    page.fill("#id_introduction_nl", "Buren helpen elkaar heel graag")
    _save(page, "Tweede")
    axe = Axe()
    reports = []

    page.goto(f"{change.removesuffix('change/')}history/")
    reports.append(axe.run(page, options=AXE_OPTIONS))
    page.click("input[type=submit].default")
    expect(page.locator(".edit-changes ins")).to_have_text("heel")
    reports.append(axe.run(page, options=AXE_OPTIONS))

    # Two editors: the second window saves first; this one is refused with their change shown.
    page.goto(change)
    other = browser.new_page()
    other.context.add_cookies(page.context.cookies())
    other.goto(change)
    other.fill("#id_introduction_nl", "Hun eigen versie")
    other.click("input[name=_continue]")
    page.fill("#id_introduction_nl", "Mijn eigen versie")
    page.click("input[name=_continue]")
    expect(page.locator(".edit-conflict .edit-choice")).to_contain_text("Hun eigen versie")
    expect(page.locator("#id_introduction_nl")).to_have_value("Mijn eigen versie")
    # Scoped to what this issue adds to the change form: Django's own inline tables and
    # autocomplete widgets are not this project's markup.
    added = {"include": [[".edit-conflict"], [".field-revision_comment"]]}
    reports.append(axe.run(page, context=added, options=AXE_OPTIONS))
    page.set_viewport_size({"width": 375, "height": 800})
    reports.append(axe.run(page, context=added, options=AXE_OPTIONS))
    other.close()

    violations = [report.generate_report() for report in reports if report.violations_count]
    assert violations == []


def _editor_window(browser, live_server, django_user_model, username):
    """A browser context of its own (its own cookies), logged in as `username`."""
    user = django_user_model.objects.create_superuser(
        username, f"{username}@example.org", "Een-lang-wachtwoord-1"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    window = context.new_page()
    log_in_browser(window, live_server.url, user)
    window.goto(f"{live_server.url}/admin/")
    expect(window.locator("#user-tools")).to_be_visible()
    return window


def test_two_editors_in_two_browsers_keep_each_others_work(browser, live_server, django_user_model):
    guidance = GuidanceFactory(introduction_nl="Buren helpen elkaar")
    tip = guidance.tips.order_by("position", "id").first()
    anna = _editor_window(browser, live_server, django_user_model, "anna")
    bram = _editor_window(browser, live_server, django_user_model, "bram")
    change = f"{live_server.url}/admin/activities/guidance/{guidance.pk}/change/"
    anna.goto(change)
    bram.goto(change)

    # Bram saves first: a new Dutch introduction and an English tip.
    bram.fill("#id_introduction_nl", "Brams introductie")
    bram.fill("#id_tips-0-text_en", "Bram's English tip")
    bram.click("input[name=_continue]")
    expect(bram.locator(".messagelist .success")).to_be_visible()

    # Anna changed the introduction too, and the Dutch tip: she is asked about the introduction
    # only, with no choice made for her; Bram's English tip is already in her form.
    anna.fill("#id_introduction_nl", "Annas introductie")
    anna.fill("#id_tips-0-text_nl", "Annas tip")
    anna.click("input[name=_continue]")
    choice = anna.locator(".edit-conflict .edit-choice")
    expect(choice).to_have_count(1)
    expect(choice).to_contain_text("Brams introductie")
    expect(choice.locator("input:checked")).to_have_count(0)
    expect(anna.locator("#id_tips-0-text_en")).to_have_value("Bram's English tip")
    report = Axe().run(anna, context={"include": [[".edit-conflict"]]}, options=AXE_OPTIONS)
    assert report.violations_count == 0, report.generate_report()

    anna.get_by_label("Jouw versie houden").check()
    anna.click("input[name=_continue]")
    expect(anna.locator(".messagelist .success")).to_be_visible()

    guidance.refresh_from_db()
    tip.refresh_from_db()
    assert guidance.introduction_nl == "Annas introductie"
    assert (tip.text_nl, tip.text_en) == ("Annas tip", "Bram's English tip")
    anna.context.close()
    bram.context.close()


def test_a_draft_change_is_previewed_then_published_and_its_pages_pass_axe(
    page, live_server, django_user_model
):
    guidance = GuidanceFactory(introduction_nl="Buren helpen elkaar")
    _log_in(page, live_server, django_user_model)
    change = f"{live_server.url}/admin/activities/guidance/{guidance.pk}/change/"
    page.goto(change)
    page.fill("#id_introduction_nl", "Buren helpen elkaar in het concept")
    page.click("input[name=_save_draft]")
    panel = page.locator(".edit-draft")
    expect(panel).to_contain_text("Concept-wijziging van beheer")
    axe = Axe()
    reports = [
        axe.run(page, context={"include": [[".edit-draft"], [".edit-save"]]}, options=AXE_OPTIONS)
    ]

    page.click("text=Concept bekijken in het Nederlands")
    expect(page.locator(".draft-banner")).to_contain_text("Concept")
    expect(page.locator("main")).to_contain_text("Buren helpen elkaar in het concept")
    reports.append(axe.run(page, options=AXE_OPTIONS))
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Buren helpen elkaar"

    page.goto(change)
    page.click("text=Nu publiceren")
    expect(page.locator(".messagelist .success")).to_contain_text("gepubliceerd")
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Buren helpen elkaar in het concept"

    page.goto(f"{change.removesuffix('change/')}history/")
    reports.append(axe.run(page, options=AXE_OPTIONS))
    page.locator("#change-history tbody th a").first.click()
    expect(page.locator("nav ol.breadcrumbs [aria-current=page]")).to_have_text("Versie 1")
    restore = {"include": [["nav ol.breadcrumbs"], [".edit-restore-intro"], [".edit-save"]]}
    reports.append(axe.run(page, context=restore, options=AXE_OPTIONS))
    page.goto(f"{live_server.url}/admin/activities/guidance/recover/")
    expect(page.locator("nav ol.breadcrumbs")).to_be_visible()
    reports.append(axe.run(page, options=AXE_OPTIONS))

    violations = [report.generate_report() for report in reports if report.violations_count]
    assert violations == []
