from urllib.parse import urlencode

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.factories import GuidanceFactory, PhaseFactory, ScanAnswerFactory, ScanQuestionFactory
from tests.html import hrefs, select, select_one
from tests.wijkscan.short_codes import fit_answer_ids_in_short_codes
from wijkscan import shortlinks
from wijkscan.models import ScanAnswer

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
SCAN = "/wijkscan/"
RESULT = "/wijkscan/resultaat/"


@pytest.fixture
def phases():
    return [
        PhaseFactory(position=1, slug="in-rust", colour="green", name_nl="Rust"),
        PhaseFactory(position=2, slug="bij-ongemak", colour="yellow", name_nl="Ongemak"),
        PhaseFactory(position=3, slug="bij-spanningen", colour="pink", name_nl="Spanning"),
        PhaseFactory(position=4, slug="bij-incidenten", colour="red", name_nl="Incidenten"),
    ]


@pytest.fixture
def questions(phases):
    """Three questions: 'contact', 'sfeer', 'veilig'; answers named after what they signal."""
    rust, ongemak, spanning, incidenten = phases
    fit_answer_ids_in_short_codes()
    contact = ScanQuestionFactory(slug="contact", text_nl="Hoeveel contact is er?", position=1)
    ScanAnswerFactory(question=contact, slug="weinig", text_nl="Weinig", weights={rust: 3})
    ScanAnswerFactory(
        question=contact, slug="mijden", text_nl="Ze mijden elkaar", weights={spanning: 3}
    )
    sfeer = ScanQuestionFactory(slug="sfeer", text_nl="Hoe is de sfeer?", position=2)
    ScanAnswerFactory(question=sfeer, slug="prettig", text_nl="Prettig", weights={rust: 3})
    ScanAnswerFactory(
        question=sfeer, slug="ongemakkelijk", text_nl="Ongemakkelijk", weights={ongemak: 3}
    )
    veilig = ScanQuestionFactory(slug="veilig", text_nl="Voelt het veilig?", position=3)
    ScanAnswerFactory(question=veilig, slug="ja", text_nl="Ja", weights={rust: 2})
    ScanAnswerFactory(question=veilig, slug="nee", text_nl="Nee", weights={incidenten: 4})
    ScanAnswerFactory(question=veilig, slug="weet-niet", text_nl="Weet ik niet")
    return [contact, sfeer, veilig]


def url(path, **params):
    return f"{path}?{urlencode(params)}" if params else path


def test_start_page_offers_step_by_step_and_the_whole_form(client, questions):
    response = client.get(SCAN)

    assertContains(response, "In welke fase zit jouw wijk?")
    assertContains(response, 'href="/wijkscan/?stap=1"')
    assertContains(response, f'action="{RESULT}"')
    for question in questions:
        assertContains(response, question.text_nl)
    assertContains(response, "geen oordeel")


def test_a_step_shows_one_question_with_progress_and_carries_earlier_answers(client, questions):
    response = client.get(url(SCAN, stap=2, contact="weinig"))

    assertContains(response, "Vraag 2 van 3")
    assertContains(response, '<progress class="scan-progress" max="3" value="1"')
    assertContains(response, "Hoe is de sfeer?")
    assertNotContains(response, "Hoeveel contact is er?")
    assertContains(response, '<input type="hidden" name="contact" value="weinig">', html=True)
    assertContains(response, '<input type="hidden" name="stap" value="3">', html=True)
    assertContains(response, f'action="{SCAN}"')


def test_the_back_link_keeps_earlier_answers_and_the_earlier_answer_is_checked(client, questions):
    step_two = client.get(url(SCAN, stap=2, contact="weinig", sfeer="prettig"))

    assertContains(step_two, 'href="/wijkscan/?stap=1&amp;contact=weinig&amp;sfeer=prettig"')
    step_one = client.get(url(SCAN, stap=1, contact="weinig", sfeer="prettig"))
    assertContains(step_one, 'value="weinig" id="id_contact_0" checked')


def test_the_last_step_submits_to_the_result(client, questions):
    response = client.get(url(SCAN, stap=3, contact="weinig", sfeer="prettig"))

    assertContains(response, f'action="{RESULT}"')
    assertContains(response, "Toon de uitkomst")
    assertNotContains(response, 'name="stap"')


def test_a_step_with_an_earlier_question_unanswered_redirects_to_that_question(client, questions):
    response = client.get(url(SCAN, stap=3, contact="weinig"))

    assertRedirects(response, url(SCAN, stap=2, contact="weinig"), fetch_redirect_response=False)
    followed = client.get(response["Location"])
    assertContains(followed, "Vraag 2 van 3")


def test_htmx_moving_back_to_an_unanswered_question_pushes_that_steps_address(client, questions):
    response = client.get(url(SCAN, stap=3, contact="weinig"), headers=HTMX)

    assert response.status_code == 200
    assert response["HX-Push-Url"] == url(SCAN, stap=2, contact="weinig")
    assertContains(response, "Vraag 2 van 3")
    assertContains(response, "Beantwoord haar eerst")


def test_an_answered_step_pushes_no_other_address(client, questions):
    response = client.get(url(SCAN, stap=2, contact="weinig"), headers=HTMX)

    assert "HX-Push-Url" not in response


def test_htmx_gets_the_step_as_a_fragment_with_vary(client, questions):
    response = client.get(url(SCAN, stap=1), headers=HTMX)

    assert "<!doctype html>" not in response.content.decode()
    assertContains(response, "Vraag 1 van 3")
    assert "HX-Request" in response["Vary"]


def test_the_result_names_the_phase_in_its_colour_and_links_to_it(client, questions, phases):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja"))

    assertContains(response, "Jouw wijk lijkt in de fase Rust te zitten")
    assertContains(response, "scan-outcome phase--green")
    assertContains(response, "Het beeld is vrij duidelijk")
    assertContains(response, f'href="{phases[0].get_absolute_url()}"')
    assertContains(response, "De antwoorden die het zwaarst wogen")
    assertContains(response, "<strong>Weinig</strong>", html=True)
    assertContains(response, "geen oordeel")
    assertContains(
        response, 'href="/wijkscan/?contact=weinig&amp;sfeer=prettig&amp;veilig=ja#scan-form"'
    )


def test_the_result_says_when_the_picture_is_mixed_and_names_both(client, questions, phases):
    response = client.get(url(RESULT, contact="mijden", sfeer="ongemakkelijk", veilig="weet-niet"))

    assertContains(response, "Jouw wijk lijkt tussen Ongemak en Spanning in te zitten")
    assertContains(response, "Het beeld is gemengd")
    assertContains(response, f'href="{phases[1].get_absolute_url()}"')
    assertContains(response, f'href="{phases[2].get_absolute_url()}"')


def test_the_result_in_english(client, questions):
    response = client.get(url("/en" + RESULT, contact="weinig", sfeer="prettig", veilig="ja"))

    assertContains(response, "Your neighbourhood seems to be in the phase")
    assertContains(response, '<html lang="en">')


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"contact": "weinig", "sfeer": "prettig"}, "Beantwoord deze vraag."),
        (
            {"contact": "weinig", "sfeer": "prettig", "veilig": "misschien"},
            "hoort niet bij de keuzes",
        ),
        (
            {"contact": "weinig", "sfeer": "prettig", "veilig": "ja", "kleur": "rood"},
            "een vraag die we niet kennen: “kleur”",
        ),
        ({"contact": "x" * 20000, "sfeer": "prettig", "veilig": "ja"}, "hoort niet bij de keuzes"),
    ],
)
def test_tampered_or_incomplete_result_links_get_the_form_again_with_a_message(
    client, questions, query, message
):
    response = client.get(url(RESULT, **query))

    assertContains(response, message, status_code=400)
    assertContains(response, "Er klopt nog iets niet", status_code=400)
    assertContains(response, 'id="scan-form"', status_code=400)


def test_a_repeated_answer_in_the_link_is_reported(client, questions):
    response = client.get(f"{RESULT}?contact=weinig&contact=mijden&sfeer=prettig&veilig=ja")

    assertContains(response, "De link beantwoordt “contact” meer dan eens.", status_code=400)


@pytest.mark.parametrize("step", ["x", "0", "4", "-1", "1.5", ""])
def test_a_step_that_does_not_exist_gets_a_message_not_a_500(client, questions, step):
    response = client.get(f"{SCAN}?stap={step}")

    assertContains(response, "De stap in de link bestaat niet.", status_code=400)


def test_a_very_long_unknown_key_is_shortened_in_the_message(client, questions):
    response = client.get(f"{SCAN}?{'k' * 5000}=1")

    assert response.status_code == 400
    assert "k" * 41 not in response.content.decode()


def test_too_many_parameters_get_the_styled_400(client, questions):
    query = "&".join(f"p{i}=1" for i in range(1200))

    response = client.get(f"{RESULT}?{query}")

    assertContains(response, "We konden dit verzoek niet verwerken", status_code=400)


def test_scan_without_questions_is_a_404(client):
    assert client.get(SCAN).status_code == 404


def test_scan_pages_set_no_cookies(client, questions):
    assert not client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja")).cookies


@pytest.mark.parametrize("count", [3, 30])
def test_scan_pages_have_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, phases, count
):
    for number in range(count):
        question = ScanQuestionFactory(slug=f"q{number}")
        ScanAnswerFactory(question=question, slug="a", weights={phases[number % 4]: 2})
    answers = {f"q{number}": "a" for number in range(count)}

    # The first visit after an edit: the content version, then what the page shows.
    with django_assert_max_num_queries(1 + 3):
        assert client.get(url(SCAN, stap=2, **answers)).status_code == 200
    # The content version, then questions, answers, weights, phases and the suggested phase's
    # activity types (fewer when the step above already shared some of them).
    with django_assert_max_num_queries(1 + 5):
        assert client.get(url(RESULT, **answers)).status_code == 200


# The outcome: safety first, words not numbers, what to do next, and an address that shares.


def _report_threats(answer_slug):
    ScanAnswer.objects.filter(slug=answer_slug).update(needs_urgent_help=True)


@pytest.fixture
def incidents_help(phases):
    incidents = phases[3]
    incidents.urgent_help_nl = "Bel 112 bij gevaar. Bij dreiging zonder direct gevaar: 0900-8844."
    incidents.save()
    return incidents


def test_an_answer_reporting_threats_shows_the_help_box_on_a_mixed_outcome(
    client, questions, incidents_help
):
    _report_threats("mijden")

    response = client.get(url(RESULT, contact="mijden", sfeer="ongemakkelijk", veilig="weet-niet"))

    assertContains(response, "Het beeld is gemengd")
    box = select_one(response, ".urgent-help")
    assert "Haal meteen hulp" in box.text
    assert "Bel 112 bij gevaar" in box.text


def test_an_outcome_without_such_answers_shows_no_help_box(client, questions, incidents_help):
    response = client.get(url(RESULT, contact="mijden", sfeer="ongemakkelijk", veilig="weet-niet"))

    assert not select(response, ".urgent-help")


def test_the_help_box_falls_back_to_112_when_no_phase_has_a_help_text(client, questions):
    _report_threats("mijden")

    response = client.get(url(RESULT, contact="mijden", sfeer="prettig", veilig="ja"))

    assert "112" in select_one(response, ".urgent-help").text


def test_the_spread_over_the_phases_is_in_words_not_percentages(client, questions):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja"))

    scores = select_one(response, ".scan-scores")
    assert "%" not in scores.text
    words = [item.select_one(".scan-scores__value").text for item in scores.select("li")]
    assert words == ["sterk", "niet", "niet", "niet"]


def test_the_outcome_shows_how_to_recognise_the_phase_and_its_activity_types(
    client, questions, phases
):
    guidance = GuidanceFactory(phase=phases[0], activity_type__name_nl="Buurtbarbecue")

    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja"))

    signals = select_one(response, ".signals")
    assert "Zo herken je Rust" in signals.text
    assert "Weinig contact" in signals.text
    cards = select_one(response, ".activity-cards")
    assert "Buurtbarbecue" in cards.text
    assert guidance.get_absolute_url() in hrefs(cards)


def test_neighbourhood_and_date_print_with_the_outcome_and_name_it(client, questions):
    query = {"wijk": "De Pijp", "datum": "2026-11-22"}
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja", **query))

    details = select_one(response, ".scan-details")
    assert "De Pijp" in details.text
    assert "22 november 2026" in details.text
    assert select_one(response, "title").text.startswith("Wijkscan van De Pijp")
    assert select_one(response, "#id_wijk")["value"] == "De Pijp"
    assert select_one(response, "#id_datum")["value"] == "2026-11-22"


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"wijk": "x" * 81}, "De naam van de wijk is te lang"),
        ({"datum": "22-11-2026"}, "De datum is geen geldige datum"),
        ({"datum": "2026-02-30"}, "De datum is geen geldige datum"),
    ],
)
def test_a_too_long_neighbourhood_or_a_bad_date_gets_the_form_with_a_message(
    client, questions, details, message
):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja", **details))

    summary = select_one(response, ".error-summary")
    assert response.status_code == 400
    assert message in summary.text


def test_canonical_and_og_url_keep_the_answers_in_question_order(client, questions):
    response = client.get(url(RESULT, veilig="ja", sfeer="prettig", contact="weinig", wijk="Oost"))

    expected = (
        "http://testserver/wijkscan/resultaat/?contact=weinig&sfeer=prettig&veilig=ja&wijk=Oost"
    )
    assert select_one(response, 'link[rel="canonical"]')["href"] == expected
    assert select_one(response, 'meta[property="og:url"]')["content"] == expected
    english = select_one(response, 'link[rel="alternate"][hreflang="en"]')["href"]
    assert english == expected.replace("/wijkscan/", "/en/wijkscan/")


def test_the_og_url_of_an_outcome_answers_200_with_a_readable_title(client, questions):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja"))
    og_url = select_one(response, 'meta[property="og:url"]')["content"]

    shared = client.get(og_url.removeprefix("http://testserver"))

    assert shared.status_code == 200
    og_title = select_one(shared, 'meta[property="og:title"]')["content"]
    assert og_title == "Uitkomst van de wijkscan: Verbinden bij rust"
    assert "{" not in og_title


def test_the_short_link_redirects_to_the_full_outcome(client, questions):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig", veilig="ja", wijk="Oost"))
    short = select_one(response, ".scan-share__link")["href"]

    assert short.startswith("/wijkscan/r/")
    assert len(short.split("/")[3]) == 6
    redirected = client.get(short)
    assertRedirects(
        redirected,
        url(RESULT, contact="weinig", sfeer="prettig", veilig="ja", wijk="Oost"),
        fetch_redirect_response=True,
    )


@pytest.mark.parametrize("code", ["zzzz", "abc", "00", "-1", "x" * 300])
def test_an_unknown_short_code_is_a_404(client, questions, code):
    assert client.get(f"/wijkscan/r/{code}/").status_code == 404


def short_code(*answers):
    """The short code naming `answers` (ScanAnswer slugs), in the order given."""
    return "".join(
        shortlinks.encode([(None, ScanAnswer.objects.get(slug=slug))]) for slug in answers
    )


def test_a_short_link_naming_two_answers_to_one_question_is_refused_with_a_400(client, questions):
    code = short_code("weinig", "mijden", "prettig", "ja")

    response = client.get(f"/wijkscan/r/{code}/")

    assertContains(response, "De link beantwoordt “contact” meer dan eens.", status_code=400)
    assertContains(response, "Er klopt nog iets niet", status_code=400)
    assertContains(response, 'id="scan-form"', status_code=400)


def test_a_short_link_naming_one_answer_twice_is_refused_with_a_400(client, questions):
    code = short_code("weinig", "prettig", "prettig", "ja")

    response = client.get(f"/wijkscan/r/{code}/")

    assertContains(response, "De link beantwoordt “sfeer” meer dan eens.", status_code=400)


def test_the_missing_answer_message_names_the_question_plainly(client, questions):
    response = client.get(url(RESULT, contact="weinig", sfeer="prettig"))

    item = select_one(response, ".error-summary li")
    assert item.text.strip() == "Vraag 3 \N{EN DASH} Beantwoord deze vraag."
    assert "?:" not in select_one(response, ".error-summary").text


def test_a_shared_outcome_with_a_click_id_still_shows_the_outcome(client, questions):
    response = client.get(
        url(RESULT, contact="weinig", sfeer="prettig", veilig="ja", fbclid="IwAR0abc")
    )

    assert response.status_code == 200
    assert select(response, ".error-summary") == []
    assert "Rust" in select_one(response, "h1").get_text()
