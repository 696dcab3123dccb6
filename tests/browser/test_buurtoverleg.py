"""The buurtoverleg in a real browser: with htmx and polling, as plain forms without JavaScript,
and axe-core on each of its pages in both languages at phone and desktop width."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities.models import Guidance
from buurtoverleg import limits
from buurtoverleg.models import (
    Overleg,
    ParticipantRole,
    PlanItem,
    Response,
    ResponseAnswer,
    Round,
)
from buurtoverleg.tokens import new_token, token_hash
from phases.models import Phase
from tests.browser.test_accessibility import AXE_OPTIONS
from wijkscan.models import ScanAnswer, ScanQuestion

pytestmark = pytest.mark.browser


WORDS = {
    "nl": ("Naam van het buurtoverleg", "Starten en de links krijgen", "Bewaar deze link"),
    "en": ("Name of the buurtoverleg", "Start and get the links", "Save this link"),
}


def _start(page, base, language="nl", name="Overvecht-Noord, maart"):
    """Start through the form; the browser lands on the manage page with its one-time panel."""
    label, button, heading = WORDS[language]
    page.goto(f"{base}{'/en' if language == 'en' else ''}/buurtoverleg/")
    page.get_by_label(label).fill(name)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    manage = page.locator(".save-link .link-box a").get_attribute("href")
    assert manage == page.url
    participant = page.locator("#participant-link").inner_text().strip()
    return manage, participant


def _first_answers():
    return {q.slug: q.answers.all()[0] for q in ScanQuestion.objects.for_scan()}


def test_the_whole_flow_with_javascript(page, browser, seeded_server):
    base = seeded_server.url
    manage, participant = _start(page, base)
    expect(page.locator("#live h2")).to_have_text("0 deelnemers hebben geantwoord")

    phone = browser.new_page()
    phone.goto(participant)
    phone.evaluate("window.__sameDocument = true")
    phone.get_by_role("link", name="Start: één vraag per keer").click()
    answers = _first_answers()
    for number, answer in enumerate(answers.values(), 1):
        expect(phone.get_by_role("heading", level=1)).to_have_text(
            f"Vraag {number} van {len(answers)}"
        )
        phone.get_by_label(answer.text_nl, exact=True).check()
        last = number == len(answers)
        phone.get_by_role(
            "button", name="Laatste stap: jouw rol" if last else "Volgende vraag"
        ).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Jouw rol, en dan versturen")
    assert phone.evaluate("window.__sameDocument === true"), "a step replaced the whole page"
    phone.get_by_label("Wijkagent", exact=True).check()
    phone.get_by_label("Wat zie jij? (mag je overslaan)").fill("Veel jongeren op het plein")
    phone.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(
        phone.get_by_role("heading", level=2, name="Bedankt, je antwoorden zijn binnen")
    ).to_be_visible()
    expect(phone).to_have_url(re.compile(r"/buurtoverleg/d/[\w-]{43}/[\w-]{43}/\?opgeslagen=1$"))
    phone.close()

    # The overview polls (every 10 s) and shows the new answer without a reload.
    expect(page.locator("#live h2")).to_have_text("1 deelnemer heeft geantwoord", timeout=25_000)
    expect(page.locator("#live")).to_contain_text("Veel jongeren op het plein")

    page.get_by_role("link", name="Leg de afspraken vast").click()
    page.get_by_label(re.compile("^Spanning: ")).check()
    page.get_by_label("Plekken").fill("Het winkelplein")
    page.get_by_role("button", name="Opslaan en activiteiten kiezen").click()
    first = Guidance.objects.published().filter(phase__slug="bij-spanningen").for_phase_page()[0]
    page.get_by_label(first.activity_type.name_nl, exact=True).check()
    page.get_by_role("button", name="Toevoegen aan het plan").click()
    page.get_by_role("link", name=f"{first.activity_type.name_nl} invullen").click()
    page.get_by_label("Doel", exact=True).fill("Elkaar leren kennen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".plan-items")).to_contain_text("Elkaar leren kennen")
    expect(page.locator(".plan-agreement")).to_contain_text("Het winkelplein")
    pdf_path = page.get_by_role("link", name="Download het plan als pdf").get_attribute("href")
    pdf = page.request.get(f"{base}{pdf_path}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert manage in page.url


def test_the_whole_flow_without_javascript(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = seeded_server.url
    _start(page, base, "en")
    overview = page.url
    participant = page.locator("#invite .link-box").inner_text().strip()

    assert "/en/buurtoverleg/d/" in participant
    page.goto(participant)
    page.locator("#q-role").get_by_label("Neighbourhood police officer", exact=True).check()
    for slug, answer in _first_answers().items():
        page.locator(f"#q-{slug}").get_by_label(answer.text_en, exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(
        page.get_by_role("heading", level=2, name="Thank you, your answers are in")
    ).to_be_visible()
    edit = page.url.split("?")[0]

    page.goto(edit)
    page.locator("#q-role").get_by_label("School", exact=True).check()
    page.get_by_role("button", name="Save my changes").click()
    assert Response.objects.get().role.name_en == "School"

    page.goto(overview)
    expect(page.locator("#live h2")).to_have_text("1 participant has answered")
    page.get_by_role("link", name="Record what you agree on").click()
    page.get_by_label(re.compile("^Calm: ")).check()
    page.get_by_role("button", name="Save and choose activities").click()
    expect(page.get_by_role("heading", level=2, name="Add activities")).to_be_visible()
    context.close()


def _started_in_tension(**fields):
    """A buurtoverleg started as the site starts one (Overleg.start), its link already shown,
    agreed on the tension phase; with its manage token and that phase."""
    overleg, manage_token = Overleg.start("Overvecht-Noord, maart")
    phase = Phase.objects.get(slug="bij-spanningen")
    Overleg.objects.filter(pk=overleg.pk).update(
        agreed_phase=phase, link_panel_shown=True, **fields
    )
    overleg.refresh_from_db()
    return overleg, manage_token, phase


@pytest.fixture
def overleg_pages(seeded_server):
    """One buurtoverleg with answers, an agreement and a plan item; the paths of all its pages."""
    overleg, manage_token, phase = _started_in_tension(
        dividing_lines="Oude en nieuwe bewoners", places="Het winkelplein"
    )
    roles = list(ParticipantRole.objects.all())
    questions = list(ScanQuestion.objects.for_scan())
    edit_token, earlier_token = new_token(), new_token()
    # Two rounds: the overview sets them side by side; an edit link of round 1 is closed.
    first = overleg.current_round()
    second = Round.objects.create(overleg=overleg, number=2)
    for number in range(8):
        tokens = {0: earlier_token, 4: edit_token}
        response = Response.objects.create(
            overleg=overleg,
            round=first if number < 4 else second,
            edit_token_hash=token_hash(tokens.get(number) or new_token()),
            role=roles[number % len(roles)],
            observation=f"Wat ik zie, nummer {number}",
        )
        ResponseAnswer.objects.bulk_create(
            ResponseAnswer(
                response=response, question=q, answer=q.answers.all()[(number + number // 4) % 3]
            )
            for q in questions
        )
    guidance = Guidance.objects.published().filter(phase=phase).first()
    item = PlanItem.objects.create(
        overleg=overleg,
        guidance=guidance,
        goal="Elkaar leren kennen",
        outcome=PlanItem.Outcome.PARTLY,
        outcome_note="Veel bewoners, weinig jongeren",
    )
    threat = next(a for q in questions for a in q.answers.all() if a.needs_urgent_help)
    ResponseAnswer.objects.filter(response__overleg=overleg, question=threat.question_id).update(
        answer=threat
    )
    manage = f"/buurtoverleg/b/{manage_token}/"
    participant = f"/buurtoverleg/d/{overleg.participant_token}/"
    answers = "&".join(f"{q.slug}={q.answers.all()[0].slug}" for q in questions)
    return [
        "/buurtoverleg/",
        f"/buurtoverleg/b/{new_token()}/",
        manage,
        f"{manage}afspraken/",
        f"{manage}plan/",
        f"{manage}plan/{item.pk}/",
        f"{manage}plan/{item.pk}/gewerkt/",
        f"{manage}verwijderen/",
        participant,
        f"{participant}?stap=2&{answers.split('&')[0]}",
        f"{participant}afronden/?{answers}",
        f"{participant}{edit_token}/?opgeslagen=1",
        f"{participant}{earlier_token}/",
        f"{participant}plan/",
    ]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_buurtoverleg_pages_have_no_axe_violations(
    page, seeded_server, overleg_pages, prefix, width
):
    axe = Axe()
    page.set_viewport_size({"width": width, "height": 900})
    reports = []
    for path in overleg_pages:
        page.goto(f"{seeded_server.url}{prefix}{path}")
        assert page.locator("h1").count() == 1, path
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports.append(f"{prefix}{path} at {width}px:\n{results.generate_report()}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            reports.append(f"{prefix}{path} at {width}px scrolls sideways by {overflow}px")

    assert not reports, "\n\n".join(reports)


def test_the_link_panel_and_a_fresh_form_have_no_axe_violations(page, seeded_server):
    axe = Axe()
    page.set_viewport_size({"width": 375, "height": 900})
    _start(page, seeded_server.url)
    created = axe.run(page, options=AXE_OPTIONS)
    page.goto(f"{seeded_server.url}/en/buurtoverleg/")
    page.get_by_role("button", name="Start and get the links").click()  # empty name: 400
    errors = axe.run(page, options=AXE_OPTIONS)

    assert created.violations_count == 0, created.generate_report()
    assert errors.violations_count == 0, errors.generate_report()


# Three months later: a second round, and "heeft het gewerkt?"

ROUND_WORDS = {
    "nl": {
        "start": "Ronde 2 starten",
        "send": "Verstuur mijn antwoorden",
        "compared": "Hoe staat het er nu voor? De rondes naast elkaar",
        "worked": "Heeft {name} gewerkt?",
        "yes": "Ja",
        "line": "In één regel: wat zagen jullie? (mag je overslaan)",
        "save": "Opslaan",
        "shown": "Ja — Goed bezocht",
    },
    "en": {
        "start": "Start round 2",
        "send": "Send my answers",
        "compared": "How are things now? The rounds side by side",
        "worked": "Did {name} work?",
        "yes": "Yes",
        "line": "In one line: what did you see? (optional)",
        "save": "Save",
        "shown": "Yes — Goed bezocht",
    },
}


# Issue 17: a real meeting. Three participants, one of them reports a threat.

MEETING = {
    "nl": {
        "help": "Gevaar of bedreiging? Haal meteen hulp",
        "reported": "1 deelnemer meldt bedreiging, geweld of intimidatie.",
        "role": "Jouw rol",
        "send": "Verstuur mijn antwoorden",
        "record": "Leg de afspraken vast",
        "save": "Opslaan en activiteiten kiezen",
        "summary": "Er klopt nog iets niet",
        "places": "Plekken",
        "too_long": "Deze tekst is te lang",
        "full": "Dit buurtoverleg is vol",
        "rate": "Te veel antwoorden vanaf dit netwerk",
    },
    "en": {
        "help": "Danger or threats? Get help at once",
        "reported": "1 participant reports threats, violence or intimidation.",
        "role": "Your role",
        "send": "Send my answers",
        "record": "Record what you agree on",
        "save": "Save and choose activities",
        "summary": "Something is not right yet",
        "places": "Places",
        "too_long": "This text is too long",
        "full": "This buurtoverleg is full",
        "rate": "Too many answers from this network",
    },
}


@pytest.fixture
def round_one(seeded_server):
    """A buurtoverleg with one answer in round 1 and one activity in its plan."""
    overleg, manage_token, phase = _started_in_tension()
    questions = list(ScanQuestion.objects.for_scan())
    response = Response.objects.create(
        overleg=overleg,
        round=overleg.current_round(),
        edit_token_hash=token_hash(new_token()),
        role=ParticipantRole.objects.first(),
    )
    ResponseAnswer.objects.bulk_create(
        ResponseAnswer(response=response, question=q, answer=q.answers.all()[0]) for q in questions
    )
    guidance = Guidance.objects.published().filter(phase=phase).first()
    PlanItem.objects.create(overleg=overleg, guidance=guidance)
    return {
        "manage": f"/buurtoverleg/b/{manage_token}/",
        "participant": f"/buurtoverleg/d/{overleg.participant_token}/",
        "activity": guidance.activity_type,
    }


@pytest.mark.parametrize(
    ("javascript", "language", "width"), [(True, "nl", 1280), (False, "en", 375)]
)
def test_a_second_round_and_whether_an_activity_worked(
    browser, seeded_server, round_one, javascript, language, width
):
    words = ROUND_WORDS[language]
    prefix = "/en" if language == "en" else ""
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    axe = Axe()
    reports = []

    def check(name):
        if not javascript:
            return  # axe runs in the page; without JavaScript the axe test above covers these
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports.append(f"{name}:\n{results.generate_report()}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            reports.append(f"{name} scrolls sideways by {overflow}px")

    base = f"{seeded_server.url}{prefix}"
    page.goto(base + round_one["manage"])
    page.locator("#rounds > summary").click()  # folded on the manage page
    page.get_by_role("button", name=words["start"]).click()
    expect(page).to_have_url(re.compile(r"/buurtoverleg/b/[\w-]{43}/#rounds$"))
    assert Round.objects.filter(number=2).exists()

    # The same participant link, answered again for round 2 (all questions on one form).
    phone = context.new_page()
    phone.goto(base + round_one["participant"])
    phone.locator("#q-role input").first.check()
    for question in ScanQuestion.objects.for_scan():
        phone.locator(f"#q-{question.slug} input").last.check()
    phone.get_by_role("button", name=words["send"]).click()
    expect(phone).to_have_url(re.compile(r"\?opgeslagen=1$"))
    phone.close()
    assert Response.objects.filter(round__number=2).count() == 1

    page.goto(base + round_one["manage"])
    expect(page.get_by_role("heading", level=3, name=words["compared"])).to_be_visible()
    expect(page.locator(".rounds-table tbody tr").last).to_contain_text("1")
    check(f"{language} overview with two rounds at {width}px")

    page.goto(base + round_one["manage"] + "plan/")
    name = round_one["activity"].name_nl if language == "nl" else round_one["activity"].name_en
    page.get_by_role("link", name=words["worked"].format(name=name)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["worked"].format(name=name))
    assert not page.locator('input[name="outcome"]:checked').count()
    check(f"{language} outcome page at {width}px")
    page.get_by_label(words["yes"], exact=True).check()
    page.get_by_label(words["line"]).fill("Goed bezocht")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator(".plan-outcome")).to_contain_text(words["shown"])
    check(f"{language} plan with an outcome at {width}px")
    context.close()


def _answer_all(page, participant, role, threat=None):
    """One participant answers every question on the one-page form; `threat` is the answer that
    reports threats, chosen instead of the first answer to its question."""
    page.goto(participant)
    page.locator("#q-role input[type=radio]").nth(role).check()
    for question in ScanQuestion.objects.for_scan():
        chosen = threat if threat and threat.question_id == question.pk else None
        answers = list(question.answers.all())
        index = answers.index(chosen) if chosen else 0
        page.locator(f"#q-{question.slug} input[type=radio]").nth(index).check()
    page.locator("#participant-form button[type=submit]").click()


def _axe_clean(page, reports, what, javascript=True):
    """axe-core runs as a script in the page: with JavaScript off the other variant checks it."""
    if not javascript:
        return
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        reports.append(f"{what}:\n{results.generate_report()}")


@pytest.mark.parametrize(
    ("javascript", "language", "width"),
    # Each of JavaScript on and off, Dutch and English, phone and laptop width at least once.
    [(True, "nl", 1280), (False, "en", 375)],
)
def test_a_meeting_of_three_with_one_threat(
    browser, seeded_server, monkeypatch, javascript, language, width
):
    words = MEETING[language]
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    reports = []
    manage, participant = _start(page, seeded_server.url, language)
    _axe_clean(page, reports, "manage page with its link panel", javascript)

    # A reload is a GET of the manage address: nothing new, and the panel was shown once.
    page.reload()
    assert Overleg.objects.count() == 1
    expect(page.locator("#manage-link-heading")).to_have_count(0)

    threat = ScanAnswer.objects.filter(needs_urgent_help=True).first()
    phone = context.new_page()
    for number in range(3):
        _answer_all(phone, participant, number, threat if number == 0 else None)
        expect(phone.locator(".save-link[role=status]")).to_be_visible()
    assert Response.objects.count() == 3

    # The overview, the agreements and the plan open with the help box.
    page.goto(manage)
    box = page.locator("#threats")
    expect(box.get_by_role("heading", name=words["help"])).to_be_visible()
    expect(box).to_contain_text(words["reported"])
    _axe_clean(page, reports, "overview with the help box", javascript)
    if width == 1280:
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 1600, f"the overview of three is {height}px tall at 1280 wide"

    page.get_by_role("link", name=words["record"]).click()
    expect(page.locator("#threats")).to_contain_text(words["reported"])
    radios = page.locator('input[name="agreed_phase"]')
    assert radios.count() == 4
    for index in range(4):
        expect(radios.nth(index)).not_to_be_checked()
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator("#error-summary")).to_contain_text(words["summary"])
    _axe_clean(page, reports, "agreements with an error", javascript)

    # An oversized text is refused with a form error, and nothing is stored.
    radios.nth(2).check()
    expect(page.get_by_label(words["places"], exact=True)).to_be_visible()
    places = page.locator("#id_places")
    assert places.get_attribute("maxlength") == "2000"
    if javascript:
        # As an attacker would: past the browser's own limit.
        places.evaluate("element => element.removeAttribute('maxlength')")
        places.fill("x" * 2001)
        page.get_by_role("button", name=words["save"]).click()
        expect(page.locator("#error-summary")).to_contain_text(words["too_long"])
        assert Overleg.objects.get().agreed_phase is None
        radios.nth(2).check()
    places.fill("Het winkelplein")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator("#threats")).to_contain_text(words["reported"])
    assert "/plan/" in page.url
    assert Overleg.objects.get().places == "Het winkelplein"
    _axe_clean(page, reports, "plan with the help box", javascript)

    # A full buurtoverleg and a flooded network get a clear answer, not a form.
    overleg = Overleg.objects.get()
    Response.objects.bulk_create(
        Response(
            overleg=overleg, round=overleg.current_round(), edit_token_hash=token_hash(new_token())
        )
        for _ in range(197)
    )
    phone.goto(participant)
    expect(phone.locator(".notice")).to_contain_text(words["full"])
    expect(phone.locator("#participant-form")).to_have_count(0)
    _axe_clean(phone, reports, "a full buurtoverleg", javascript)
    Response.objects.filter(role=None).delete()
    monkeypatch.setattr(limits.POSTS, "limit", 3)
    _answer_all(phone, participant, 1)
    expect(phone.locator(".notice")).to_contain_text(words["rate"])
    assert Response.objects.count() == 3
    _axe_clean(phone, reports, "too many answers", javascript)

    context.close()
    assert not reports, "\n\n".join(reports)
