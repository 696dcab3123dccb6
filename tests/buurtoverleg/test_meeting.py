"""Issue 17: a buurtoverleg a coordinator can run a real meeting with.

Threats never lost, nothing pre-selected, no second buurtoverleg on a reload, no dead end for a
lost link, an overview in words, limits on every input, and editors who see counts only.
"""

import io
import re

import pypdf
import pytest
from django.contrib.auth.models import User
from pytest_django.asserts import assertContains, assertNotContains

from buurtoverleg import limits
from buurtoverleg.forms import (
    AgreementForm,
    OutcomeForm,
    ParticipantForm,
    PlanItemForm,
    StartForm,
)
from buurtoverleg.models import (
    MAX_PARTICIPANTS,
    MAX_PLAN_ITEMS,
    TEXT_LIMIT,
    Overleg,
    PlanItem,
    Response,
    ResponseAnswer,
    Round,
)
from buurtoverleg.tokens import token_hash
from tests.buurtoverleg.conftest import answer, start
from tests.buurtoverleg.test_views import _plan_ready
from tests.factories import GuidanceFactory, PhaseFactory, ScanAnswerFactory
from tests.html import select

pytestmark = pytest.mark.django_db

HELP_TEXT = "Bel meteen 112 bij geweld."


@pytest.fixture
def threat(scan):
    """An incidents phase with its 'get help at once' text, and a 'sfeer' answer reporting it."""
    incidents = PhaseFactory(
        slug="bij-incidenten",
        name_nl="Incidenten",
        name_en="Incidents",
        colour="red",
        position=9,
        urgent_help_nl=HELP_TEXT,
        urgent_help_en="Call 112 at once when there is violence.",
    )
    ScanAnswerFactory(
        question=scan["questions"][1],
        slug="geweld",
        weights={incidents: 5},
        needs_urgent_help=True,
    )
    return incidents


def _help_box(html):
    boxes = re.findall(r'<div class="urgent-help" id="threats".*?</div>', html, re.S)
    return boxes[0] if boxes else None


# 1. Safety first, everywhere


def test_one_threat_among_three_opens_the_overview_agreement_and_plan_with_the_help_box(
    client, overleg, roles, scan, threat
):
    answer(client, overleg["participant"], roles[0], sfeer="geweld")
    answer(client, overleg["participant"], roles[1])
    answer(client, overleg["participant"], roles[1])
    _plan_ready(client, overleg, scan)

    for suffix in ("", "afspraken/", "plan/"):
        html = client.get(overleg["manage"] + suffix).content.decode()
        box = _help_box(html)
        assert box, suffix
        assert HELP_TEXT in box
        assert "1 deelnemer meldt bedreiging, geweld of intimidatie." in box
        main = html.split('<main id="main-content"')[1]
        content = [main.find(tag) for tag in ("<section", "<form", '<p class="prose"')]
        assert main.index('id="threats"') < min(at for at in content if at >= 0), suffix
    assert _help_box(client.get(overleg["participant"] + "plan/").content.decode())


def test_the_help_box_counts_every_participant_who_reported_a_threat(
    client, overleg, roles, threat
):
    for _ in range(2):
        answer(client, overleg["participant"], roles[0], sfeer="geweld")
    answer(client, overleg["participant"], roles[1])

    box = _help_box(client.get(overleg["manage"]).content.decode())

    assert "2 deelnemers melden bedreiging, geweld of intimidatie." in box


def test_the_plan_pdf_opens_with_the_help_text(client, overleg, roles, scan, threat):
    answer(client, overleg["participant"], roles[0], sfeer="geweld")
    _plan_ready(client, overleg, scan)

    pdf = client.get(overleg["manage"] + "plan.pdf")

    first_page = pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Gevaar of bedreiging? Haal meteen hulp" in first_page
    assert HELP_TEXT in first_page


def test_without_a_threat_there_is_no_help_box(client, overleg, roles, scan, threat):
    answer(client, overleg["participant"], roles[0], sfeer="gespannen")
    _plan_ready(client, overleg, scan)

    for suffix in ("", "afspraken/", "plan/"):
        assert _help_box(client.get(overleg["manage"] + suffix).content.decode()) is None


def test_the_poll_brings_the_help_box_along_out_of_band(client, overleg, roles, threat):
    answer(client, overleg["participant"], roles[0], sfeer="geweld")

    live = client.get(overleg["manage"] + "stand/", headers={"HX-Request": "true"})

    html = live.content.decode()
    assert '<div id="threats-slot" data-hx-swap-oob="true">' in html
    assert HELP_TEXT in _help_box(html)


# 2. Nothing pre-selected


def test_no_phase_is_pre_selected_and_each_shows_how_many_point_to_it(client, overleg, roles):
    answer(client, overleg["participant"], roles[0], contact="gespannen", sfeer="gespannen")
    answer(client, overleg["participant"], roles[1], contact="gespannen", sfeer="gespannen")
    answer(client, overleg["participant"], roles[1])

    response = client.get(overleg["manage"] + "afspraken/")

    radios = select(response, 'input[name="agreed_phase"]')
    assert len(radios) == 2
    assert [radio for radio in radios if radio.get("checked") is not None] == []
    assertContains(response, "(2 deelnemers)")
    assertContains(response, "(1 deelnemer)")


def test_recording_without_a_phase_gives_an_error_summary_and_stores_nothing(client, overleg):
    response = client.post(overleg["manage"] + "afspraken/", {"places": "Het plein"})

    assert response.status_code == 400
    assertContains(response, 'id="error-summary"', status_code=400)
    assertContains(response, 'href="#q-agreed_phase"', status_code=400)
    overleg["object"].refresh_from_db()
    assert overleg["object"].places == ""


# 3. Post/redirect/get, and a lost link


def test_starting_lands_on_the_manage_address_and_a_reload_creates_nothing(client, scan, roles):
    manage = start(client, "Kanaleneiland")

    first = client.get(manage)
    reload = client.get(manage)

    assert Overleg.objects.count() == 1
    assertContains(first, 'id="manage-link-heading"')
    assertContains(first, f'<a href="http://testserver{manage}">http://testserver{manage}</a>')
    assertContains(first, "data-copy=")
    assertContains(first, "data-print")
    assertNotContains(reload, 'id="manage-link-heading"')
    assertContains(reload, "Kanaleneiland")


def test_a_get_of_the_create_address_creates_nothing(client):
    response = client.get("/buurtoverleg/nieuw/")

    assert response.status_code == 302
    assert not Overleg.objects.exists()


def test_an_unknown_link_gets_the_buurtoverleg_404_with_what_still_works(client, overleg):
    overleg["object"].delete()

    for path in (
        overleg["manage"],
        overleg["participant"],
        overleg["manage"] + "plan/",
        "/buurtoverleg/b/afgebroken",
        "/en/buurtoverleg/d/kort/",
    ):
        response = client.get(path)

        assert response.status_code == 404, path
        assertContains(response, 'id="lost-link-heading"', status_code=404)
        assertContains(response, 'href="/', status_code=404)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    assertContains(client.get("/buurtoverleg/b/afgebroken"), "Beheerlink kwijt?", status_code=404)


def test_the_start_page_answers_a_lost_manage_link(client):
    response = client.get("/buurtoverleg/")

    assertContains(response, "Beheerlink kwijt?")
    assertContains(response, "plan/")


# 4. An overview that fits the meeting


def test_the_overview_speaks_in_words_and_folds_the_question_list(client, overleg, roles):
    answer(client, overleg["participant"], roles[0], sfeer="gespannen")
    answer(client, overleg["participant"], roles[1])
    answer(client, overleg["participant"], roles[1])

    html = client.get(overleg["manage"]).content.decode()

    live = html.split('id="live"')[1].split('class="overleg-board__side"')[0]
    assert "%" not in live
    assert "2 van 3 eens" in live
    assert "iedereen eens" in live
    assert re.search(r'<details class="all-questions">\s*<summary>', live)


def test_one_person_per_role_lists_no_role_differences(client, overleg, roles):
    answer(client, overleg["participant"], roles[0], contact="gespannen", sfeer="gespannen")
    answer(client, overleg["participant"], roles[1])

    assertNotContains(client.get(overleg["manage"]), 'id="roles-heading"')


def test_answers_split_over_phases_get_a_what_now_box_naming_the_most_disputed_question(
    client, overleg, roles, scan
):
    answer(client, overleg["participant"], roles[0], contact="weet-niet", sfeer="gespannen")
    answer(client, overleg["participant"], roles[1], contact="rustig", sfeer="rustig")
    answer(client, overleg["participant"], roles[1], contact="rustig", sfeer="gespannen")

    html = client.get(overleg["manage"]).content.decode()

    box = html.split('id="what-now-heading"')[1].split("</section>")[0]
    assert "2 fases" in box
    assert scan["questions"][1].text_nl in box


def test_the_participant_link_has_its_own_preview_and_a_share_button(client, overleg):
    page = client.get(overleg["participant"])
    manage = client.get(overleg["manage"])

    assertContains(
        page, '<meta property="og:title" content="Doe mee aan buurtoverleg Overvecht-Noord, maart">'
    )
    assertContains(client.get("/en" + overleg["participant"]), "Take part in buurtoverleg")
    share = select(manage, "#invite [data-share-url]")[0]
    assert share.get("data-share-url").endswith(overleg["participant"])
    assert select(manage, "#invite button[data-copy]")


# 5. Limits


@pytest.mark.parametrize("field", ["dividing_lines", "groups", "places"])
def test_an_oversized_agreement_field_is_refused_with_a_form_error(client, overleg, scan, field):
    data = {"agreed_phase": scan["calm"].pk, field: "x" * (TEXT_LIMIT + 1)}

    response = client.post(overleg["manage"] + "afspraken/", data)

    assert response.status_code == 400
    assertContains(response, "Deze tekst is te lang", status_code=400)
    overleg["object"].refresh_from_db()
    assert overleg["object"].agreed_phase is None


def test_a_megabyte_in_a_plan_field_is_refused_and_not_stored(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    item = PlanItem.objects.get()

    response = client.post(f"{overleg['manage']}plan/{item.pk}/", {"goal": "x" * 1_000_000})

    assert response.status_code == 400
    assertContains(response, 'href="#q-goal"', status_code=400)
    item.refresh_from_db()
    assert item.goal == ""


def test_an_oversized_line_from_a_participant_is_refused(client, overleg, roles):
    response = answer(client, overleg["participant"], roles[0], line="x" * 281)

    assert response.status_code == 400
    assert not Response.objects.exists()


def test_every_free_text_field_has_a_limit_in_model_and_form():
    for model in (Overleg, PlanItem, Round, Response):
        for field in model._meta.get_fields():
            if field.get_internal_type() in {"TextField", "CharField"}:
                assert 0 < (field.max_length or 0) <= TEXT_LIMIT, field
    forms = [
        StartForm(),
        AgreementForm(),
        PlanItemForm(instance=_plan_item()),
        OutcomeForm(instance=_plan_item()),
    ]
    for form in forms:
        for name, field in form.fields.items():
            if field.__class__.__name__ == "CharField":
                assert 0 < (field.max_length or 0) <= TEXT_LIMIT, name


def _plan_item():
    """A saved plan item: its form reads the guidance's tips and the item's ticks."""
    overleg, _token = Overleg.start("Overvecht-Noord, maart")
    return PlanItem.objects.create(overleg=overleg, guidance=GuidanceFactory())


def _fill(overleg, number):
    round_ = overleg.current_round()
    Response.objects.bulk_create(
        Response(overleg=overleg, round=round_, edit_token_hash=token_hash(f"t{n}"))
        for n in range(number)
    )
    overleg.touch()  # as every answer through the page does


def test_a_full_buurtoverleg_takes_no_more_answers_and_says_so(client, overleg, roles):
    _fill(overleg["object"], MAX_PARTICIPANTS)

    page = client.get(overleg["participant"])
    refused = answer(client, overleg["participant"], roles[0])

    assertContains(page, "Dit buurtoverleg is vol")
    assert not select(page, "#participant-form")
    assert refused.status_code == 409
    assertContains(refused, "Je antwoorden zijn niet verstuurd", status_code=409)
    assert Response.objects.count() == MAX_PARTICIPANTS
    assertContains(client.get(overleg["manage"]), f"limiet van {MAX_PARTICIPANTS} deelnemers")


def test_a_changed_answer_is_still_taken_when_the_buurtoverleg_is_full(client, overleg, roles):
    edit = answer(client, overleg["participant"], roles[0])["Location"].split("?")[0]
    _fill(overleg["object"], MAX_PARTICIPANTS - 1)

    response = client.post(edit, {"contact": "gespannen", "sfeer": "rustig", "role": roles[1].pk})

    assert response.status_code == 302


def test_too_many_posts_from_one_address_are_refused_with_a_message(
    client, overleg, roles, monkeypatch
):
    monkeypatch.setattr(limits.POSTS, "limit", 2)
    answer(client, overleg["participant"], roles[0])
    answer(client, overleg["participant"], roles[0], line="x" * 400)  # invalid, still counted

    response = answer(client, overleg["participant"], roles[0])
    other_address = client.post(
        overleg["participant"],
        {"contact": "rustig", "sfeer": "rustig", "role": roles[0].pk},
        REMOTE_ADDR="192.0.2.7",
    )

    assert response.status_code == 429
    assertContains(response, "Te veel antwoorden vanaf dit netwerk", status_code=429)
    assert other_address.status_code == 302
    assert Response.objects.count() == 2


def test_a_plan_holds_at_most_its_limit_of_activities(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    more = [GuidanceFactory(phase=scan["tense"]) for _ in range(MAX_PLAN_ITEMS)]

    response = client.post(overleg["manage"] + "plan/kiezen/", {"guidances": [g.pk for g in more]})

    assert response.status_code == 400
    assertContains(response, f"hoogstens {MAX_PLAN_ITEMS} activiteiten", status_code=400)
    assert PlanItem.objects.count() == 1


# The overview's cache


def test_the_poll_costs_one_query_until_something_changes(
    client, overleg, roles, django_assert_max_num_queries
):
    answer(client, overleg["participant"], roles[0])
    live = overleg["manage"] + "stand/"
    client.get(live)

    with django_assert_max_num_queries(1):
        cached = client.get(live)
    answer(client, overleg["participant"], roles[1], line="Nieuw op het plein")
    fresh = client.get(live)

    assertContains(cached, "1 deelnemer heeft geantwoord")
    assertContains(fresh, "2 deelnemers hebben geantwoord")
    assertContains(fresh, "Nieuw op het plein")


def test_a_content_edit_renders_the_overview_again(client, overleg, roles, scan):
    answer(client, overleg["participant"], roles[0])
    client.get(overleg["manage"])
    scan["calm"].name_nl = "Kalm"
    scan["calm"].save()

    assertContains(client.get(overleg["manage"] + "stand/"), "Kalm")


# 6. Editors see counts only


def test_the_admin_delete_confirmation_shows_counts_never_answers(client, overleg, roles, scan):
    answer(client, overleg["participant"], roles[0], line="Geheime observatie")
    _plan_ready(client, overleg, scan)
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "x"))
    pk = overleg["object"].pk

    page = client.get(f"/admin/buurtoverleg/overleg/{pk}/delete/")
    bulk = client.post(
        "/admin/buurtoverleg/overleg/", {"action": "delete_selected", "_selected_action": [pk]}
    )

    for response in (page, bulk):
        assert response.status_code == 200
        html = response.content.decode()
        assert "Geheime observatie" not in html
        assert "Oud en nieuw" not in html
        assert f"{overleg['object']} #" not in html  # a response's own row
        for row in ResponseAnswer.objects.all():
            assert f"{row.question_id}: {row.answer_id}" not in html
        assert "Overvecht-Noord, maart" in html
        assert re.search(r"<li>(Antwoorden|antwoorden): 2</li>", html), html


# 7. What not to write


def test_every_public_free_text_field_says_not_to_name_people_or_write_about_sensitive_things(
    scan, roles
):
    words = "Noem geen mensen en schrijf niets over geloof, afkomst of gezondheid."
    fields = [
        StartForm().fields["name"],
        ParticipantForm(scan["questions"]).fields["observation"],
        *[AgreementForm().fields[n] for n in ("dividing_lines", "groups", "places")],
        *[
            PlanItemForm(instance=_plan_item()).fields[n]
            for n in ("goal", "who", "partners", "measure")
        ],
        OutcomeForm(instance=_plan_item()).fields["outcome_note"],
    ]
    for field in fields:
        assert str(field.help_text).endswith(words), field.label
