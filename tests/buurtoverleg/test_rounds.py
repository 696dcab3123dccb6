"""Three months later: a new round on the same buurtoverleg, the rounds side by side, and
'heeft het gewerkt?' per plan activity; and the plan's activity picker with the advice at hand."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from activities.models import Tip
from buurtoverleg.models import MAX_ROUNDS, PlanItem, Response, ResponseAnswer, Round
from tests.buurtoverleg.conftest import answer
from tests.buurtoverleg.test_views import _plan_ready
from tests.factories import GuidanceFactory
from tests.html import select, select_one

pytestmark = pytest.mark.django_db


def _rounds_answered(client, overleg, roles):
    """Round 1: two calm answers; round 2: one tense answer, with the same participant link."""
    first = answer(client, overleg["participant"], roles[0])["Location"].split("?")[0]
    answer(client, overleg["participant"], roles[1])
    client.post(overleg["manage"] + "ronde/")
    answer(client, overleg["participant"], roles[0], contact="gespannen", sfeer="gespannen")
    return first


# A new round


def test_the_coordinator_starts_round_two_with_a_post_and_is_sent_back_to_the_overview(
    client, overleg, roles
):
    answer(client, overleg["participant"], roles[0])
    overleg["object"].refresh_from_db()
    before = overleg["object"].updated_at

    response = client.post(overleg["manage"] + "ronde/")

    assertRedirects(response, overleg["manage"] + "#rounds", fetch_redirect_response=False)
    assert list(overleg["object"].rounds.values_list("number", flat=True)) == [1, 2]
    overleg["object"].refresh_from_db()
    assert overleg["object"].updated_at > before
    assert client.get(overleg["manage"] + "ronde/").status_code == 405


def test_participants_answer_round_two_with_the_same_link_and_round_one_is_kept(
    client, overleg, roles
):
    _rounds_answered(client, overleg, roles)

    first, second = Round.objects.order_by("number")
    assert first.responses.count() == 2
    assert second.responses.count() == 1
    assert set(
        ResponseAnswer.objects.filter(response__round=first).values_list("answer__slug", flat=True)
    ) == {"rustig"}


def test_the_overview_counts_this_rounds_answers_and_sets_the_rounds_side_by_side(
    client, overleg, roles, scan
):
    _rounds_answered(client, overleg, roles)

    response = client.get(overleg["manage"])

    live = select_one(response, "#live")
    assert "1 deelnemer heeft geantwoord" in live.h2.text
    table = select_one(response, ".rounds-table")
    headers = [" ".join(th.text.split()) for th in table.select("thead th")]
    assert headers[0] == "Fase"
    assert headers[1].startswith("Ronde 1")
    assert headers[2].startswith("Ronde 2")
    rows = {
        tr.th.text.strip(): [" ".join(td.text.split()) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    }
    assert rows["Rust"] == ["2 (100%)", "0"]
    assert rows["Spanning"] == ["0", "1 (100%)"]
    assert rows["Deelnemers"] == ["2", "1"]
    moved = [h4.text for h4 in select(response, ".moved h4")]
    assert sorted(moved) == sorted(question.text_nl for question in scan["questions"])
    assertContains(response, "2 in ronde 1, 0 in ronde 2")


def test_the_overview_of_round_one_shows_no_comparison(client, overleg, roles):
    answer(client, overleg["participant"], roles[0])

    response = client.get(overleg["manage"])

    assert select(response, ".rounds-table") == []
    assertContains(response, "Ronde 2 starten")


def test_no_new_round_starts_while_the_current_one_has_no_answers(client, overleg, roles):
    answer(client, overleg["participant"], roles[0])
    client.post(overleg["manage"] + "ronde/")

    client.post(overleg["manage"] + "ronde/")  # a second click, or a round nobody answered yet

    assert overleg["object"].rounds.count() == 2
    page = client.get(overleg["manage"])
    assertContains(page, "Een nieuwe ronde kan beginnen zodra iemand in ronde 2 heeft geantwoord")
    assertNotContains(page, "Ronde 3 starten")


def test_a_buurtoverleg_stops_at_the_last_round(client, overleg, roles):
    overleg["object"].rounds.all().delete()
    for number in range(1, MAX_ROUNDS + 1):
        Round.objects.create(overleg=overleg["object"], number=number)
    answer(client, overleg["participant"], roles[0])

    client.post(overleg["manage"] + "ronde/")

    assert overleg["object"].rounds.count() == MAX_ROUNDS
    assertContains(client.get(overleg["manage"]), "het hoogste aantal")


def test_an_edit_link_of_an_earlier_round_can_no_longer_change_those_answers(
    client, overleg, roles
):
    first_edit = _rounds_answered(client, overleg, roles)

    page = client.get(first_edit)
    posted = client.post(first_edit, {"contact": "gespannen", "sfeer": "gespannen", "role": 1})

    assertContains(page, "Ronde 2 is begonnen")
    assertContains(page, f'href="{overleg["participant"]}"')
    assert posted.status_code == 409
    first = Response.objects.filter(round__number=1).order_by("pk").first()
    assert set(first.answers.values_list("answer__slug", flat=True)) == {"rustig"}


def test_the_participant_form_of_round_two_says_to_answer_again(client, overleg, roles):
    answer(client, overleg["participant"], roles[0])
    client.post(overleg["manage"] + "ronde/")

    assertContains(client.get(overleg["participant"]), "Ronde 2: hoe staat het er nu voor?")


def test_the_overview_query_count_stays_bounded_with_two_rounds(
    client, overleg, roles, django_assert_max_num_queries
):
    for number in range(20):
        answer(client, overleg["participant"], roles[number % 2])
    client.post(overleg["manage"] + "ronde/")
    for number in range(20):
        answer(client, overleg["participant"], roles[number % 2], sfeer="gespannen")

    with django_assert_max_num_queries(13):
        response = client.get(overleg["manage"])

    assertContains(response, "20 deelnemers hebben geantwoord")


# The date of the meeting


def test_the_meeting_date_is_recorded_for_the_current_round(client, overleg):
    response = client.post(overleg["manage"] + "datum/", {"meeting_date": "2027-03-01"})

    assertRedirects(response, overleg["manage"] + "#rounds", fetch_redirect_response=False)
    assert str(overleg["object"].current_round().meeting_date) == "2027-03-01"


@pytest.mark.parametrize("value", ["1 maart", "2027-02-30", "x" * 100_000])
def test_a_bad_meeting_date_gets_the_form_again_with_an_error(client, overleg, value):
    response = client.post(overleg["manage"] + "datum/", {"meeting_date": value})

    assert response.status_code == 400
    assertContains(response, "Vul een datum in", status_code=400)
    assert overleg["object"].current_round().meeting_date is None


# Heeft het gewerkt?


@pytest.fixture
def item(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    return PlanItem.objects.get()


def test_no_outcome_is_chosen_before_the_team_chooses_one(client, overleg, item):
    response = client.get(f"{overleg['manage']}plan/{item.pk}/gewerkt/")

    radios = select(response, 'input[name="outcome"]')
    assert [radio["value"] for radio in radios] == ["worked", "partly", "did_not_work", "not_done"]
    assert not any(radio.has_attr("checked") for radio in radios)
    assertContains(response, "Noem geen mensen en schrijf niets over geloof")


def test_the_team_records_whether_an_activity_worked_and_the_plan_and_pdf_show_it(
    client, overleg, item
):
    overleg["object"].refresh_from_db()
    before = overleg["object"].updated_at

    response = client.post(
        f"{overleg['manage']}plan/{item.pk}/gewerkt/",
        {"outcome": "partly", "outcome_note": "Veel bewoners, weinig jongeren"},
    )

    assertRedirects(
        response, f"{overleg['manage']}plan/#item-{item.pk}", fetch_redirect_response=False
    )
    item.refresh_from_db()
    assert (item.outcome, item.outcome_note) == ("partly", "Veel bewoners, weinig jongeren")
    assert item.outcome_recorded_on is not None
    overleg["object"].refresh_from_db()
    assert overleg["object"].updated_at > before
    for path in (overleg["manage"] + "plan/", overleg["participant"] + "plan/"):
        outcome = select_one(client.get(path), ".plan-outcome").text
        assert "Deels — Veel bewoners, weinig jongeren" in " ".join(outcome.split())


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"outcome": "misschien"}, "Dit antwoord hoort niet bij de keuzes"),
        ({}, "Kies een antwoord."),
        ({"outcome": "worked", "outcome_note": "x" * 201}, "200 tekens"),
        ({"outcome": "worked", "outcome_note": "x" * 1_000_000}, "200 tekens"),
    ],
)
def test_a_bad_outcome_gets_the_form_again_with_an_error_and_nothing_is_saved(
    client, overleg, item, data, error
):
    response = client.post(f"{overleg['manage']}plan/{item.pk}/gewerkt/", data)

    assert response.status_code == 400
    assertContains(response, error, status_code=400)
    item.refresh_from_db()
    assert item.outcome == ""


def test_the_outcome_page_of_another_overlegs_item_is_a_404(client, overleg, scan, item):
    other = PlanItem.objects.create(
        overleg=type(overleg["object"]).start("Ander")[0],
        guidance=GuidanceFactory(phase=scan["calm"]),
    )

    response = client.post(f"{overleg['manage']}plan/{other.pk}/gewerkt/", {"outcome": "worked"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.outcome == ""


# Choosing activities with the advice at hand


def test_each_activity_to_choose_shows_its_card_and_a_link_to_its_advice_in_a_new_tab(
    client, overleg, scan
):
    _plan_ready(client, overleg, scan)
    guidance = GuidanceFactory(phase=scan["tense"])

    response = client.get(overleg["manage"] + "plan/")

    option = select_one(response, ".plan-option")
    checkbox = option.select_one('input[type="checkbox"]')
    card = option.select_one(f"#{checkbox['aria-describedby']}")
    assert checkbox["value"] == str(guidance.pk)
    assert option.label.text.strip() == guidance.activity_type.name_nl
    assert "Een korte samenvatting." in card.text
    assert "Trede 2 van 4" in card.text
    assert "Wat het vraagt:" in card.text
    advice = option.select_one("a.plan-option__advice")
    assert advice["href"] == guidance.get_absolute_url()
    assert advice["target"] == "_blank"
    assert "noopener" in advice["rel"]
    assert "(opent in een nieuw tabblad)" in advice.select_one(".visually-hidden").text


def test_the_checklist_form_separates_do_from_avoid(client, overleg, scan):
    guidance = _plan_ready(client, overleg, scan)
    item = PlanItem.objects.get()

    response = client.get(f"{overleg['manage']}plan/{item.pk}/")

    do = select_one(response, "#q-tips_do")
    avoid = select_one(response, "#q-tips_avoid")
    assert do.legend.text == "Doen (dit werkt wel): waar we voor gezorgd hebben"
    assert avoid.legend.text.startswith("Vermijden (dit werkt niet)")
    works = guidance.tips.filter(kind=Tip.Kind.WORKS)
    does_not_work = guidance.tips.filter(kind=Tip.Kind.DOES_NOT_WORK)
    assert [label.text for label in do.select("label")] == [t.text_nl for t in works]
    assert [label.text for label in avoid.select("label")] == [t.text_nl for t in does_not_work]


def test_the_plan_lists_avoid_tips_under_avoid_never_as_taken_care_of(client, overleg, scan):
    guidance = _plan_ready(client, overleg, scan)

    response = client.get(overleg["manage"] + "plan/")

    avoid_items = select(response, ".checklist__item--does_not_work")
    assert [" ".join(li.text.split()) for li in avoid_items] == [
        f"☐ nog niet op gelet: {tip.text_nl}"
        for tip in guidance.tips.filter(kind=Tip.Kind.DOES_NOT_WORK)
    ]
