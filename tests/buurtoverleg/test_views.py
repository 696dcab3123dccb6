import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from activities.models import Tip
from buurtoverleg.models import Overleg, PlanItem, Response, ResponseAnswer
from buurtoverleg.tokens import token_hash
from tests.buurtoverleg.conftest import answer, start
from tests.factories import GuidanceFactory, ParticipantRoleFactory
from tests.html import select

pytestmark = pytest.mark.django_db

EDIT_LINK = re.compile(r"/buurtoverleg/d/[A-Za-z0-9_-]{43}/[A-Za-z0-9_-]{43}/")


def _other_token(path):
    """The same path with a different, well-formed token."""
    token = re.search(r"/([A-Za-z0-9_-]{43})/", path).group(1)
    other = ("A" if token[0] != "A" else "B") + token[1:]
    return path.replace(token, other)


# Start


def test_the_start_page_explains_what_is_stored(client):
    response = client.get("/buurtoverleg/")

    assertContains(response, 'id="stored-heading"')
    assertContains(response, "365")


def test_starting_shows_the_manage_link_once_and_stores_only_its_hash(client, overleg):
    manage_token = overleg["manage"].split("/")[3]
    stored = overleg["object"]

    assert stored.manage_token_hash == token_hash(manage_token)
    assert manage_token not in str(Overleg.objects.values_list().get())
    assert len(manage_token) == 43
    assert len(stored.participant_token) == 43


def test_the_first_visit_offers_mailto_and_a_qr_code_of_the_manage_link(client, scan, roles):
    manage = start(client, "Kanaleneiland")

    html = client.get(manage).content.decode()

    assert (
        'href="mailto:?subject=Kanaleneiland&amp;body=http%3A%2F%2Ftestserver%2Fbuurtoverleg%2Fb%2F'
        in html
    )
    assert '<svg role="img" aria-label="QR-code van de beheerlink"' in html


def test_a_name_is_required_to_start(client):
    response = client.post("/buurtoverleg/nieuw/", {"name": ""})

    assert response.status_code == 400
    assert not Overleg.objects.exists()


def test_capability_pages_are_private_unindexed_and_send_no_referrer_outside(client, overleg):
    for path in (overleg["manage"], overleg["participant"], overleg["manage"] + "plan/"):
        response = client.get(path)

        assert response.status_code == 200, path
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "same-origin"
        assertContains(response, '<meta name="robots" content="noindex, nofollow">')


# Links: tampered, of another overleg, of the wrong kind


def test_a_tampered_manage_link_gets_the_styled_404(client, overleg):
    for path in (
        _other_token(overleg["manage"]),
        overleg["manage"][:-2] + "/",
        "/buurtoverleg/b/x/",
    ):
        response = client.get(path)

        assert response.status_code == 404, path
        assertContains(response, 'id="lost-link-heading"', status_code=404)


def test_the_participant_link_cannot_reach_the_manage_pages(client, overleg):
    participant_token = overleg["object"].participant_token

    for suffix in ("", "plan/", "afspraken/", "plan.pdf", "verwijderen/"):
        assert client.get(f"/buurtoverleg/b/{participant_token}/{suffix}").status_code == 404


def test_a_link_of_another_overleg_never_shows_this_teams_data(client, overleg, roles):
    answer(client, overleg["participant"], roles[0], line="Zwerfvuil bij de school")
    other_manage = start(client, "Ander overleg")

    response = client.get(other_manage)

    assertContains(response, "Ander overleg")
    assertNotContains(response, "Zwerfvuil bij de school")
    assertNotContains(response, overleg["object"].participant_token)


def test_an_edit_link_works_only_with_its_own_overleg(client, overleg, roles):
    edit = answer(client, overleg["participant"], roles[0])["Location"].split("?")[0]
    response_token = edit.rstrip("/").split("/")[-1]
    other = Overleg.start("Ander")[0]
    tampered = edit[:-4] + ("xyz" if edit[-4:-1] != "xyz" else "abc") + "/"

    assert client.get(edit).status_code == 200
    assert client.get(f"{other.participant_url()}{response_token}/").status_code == 404
    assert client.get(tampered).status_code == 404


# Participate


def test_a_participant_answers_everything_on_one_form(client, overleg, roles, scan):
    response = answer(client, overleg["participant"], roles[1], sfeer="gespannen", line="Onrust")

    assert response.status_code == 302
    assert EDIT_LINK.search(response["Location"])
    saved = Response.objects.get()
    assert saved.role == roles[1]
    assert saved.observation == "Onrust"
    assert sorted(ResponseAnswer.objects.values_list("question__slug", "answer__slug")) == [
        ("contact", "rustig"),
        ("sfeer", "gespannen"),
    ]


def test_after_sending_the_participant_sees_the_link_to_change_their_answers(
    client, overleg, roles
):
    location = answer(client, overleg["participant"], roles[0])["Location"]

    response = client.get(location)

    assertContains(response, "http://testserver" + location.split("?")[0])
    assertContains(response, 'role="status"')


def test_a_participant_changes_their_own_answers_with_their_link(client, overleg, roles):
    edit = answer(client, overleg["participant"], roles[0])["Location"].split("?")[0]
    assertContains(client.get(edit), 'value="rustig" id="id_sfeer_0" checked')

    client.post(edit, {"contact": "gespannen", "sfeer": "weet-niet", "role": roles[1].pk})

    saved = Response.objects.get()
    assert saved.role == roles[1]
    assert dict(ResponseAnswer.objects.values_list("question__slug", "answer__slug")) == {
        "contact": "gespannen",
        "sfeer": "weet-niet",
    }


def test_a_missing_answer_or_role_gets_the_form_again_with_errors(client, overleg):
    response = client.post(overleg["participant"], {"contact": "rustig"})

    assert response.status_code == 400
    assertContains(response, 'href="#q-sfeer"', status_code=400)
    assertContains(response, 'href="#q-role"', status_code=400)
    assert not Response.objects.exists()


def test_one_question_at_a_time_ends_with_the_role_step(client, overleg):
    path = overleg["participant"]

    step = client.get(f"{path}?stap=2&contact=rustig")
    finish = client.get(f"{path}afronden/?contact=rustig&sfeer=gespannen")

    assertContains(step, f'action="{path}afronden/"')
    assertContains(finish, '<input type="hidden" name="sfeer" value="gespannen">')
    assertContains(finish, 'name="role"')


def test_a_step_with_an_unknown_answer_gets_the_form_with_a_400(client, overleg):
    assert client.get(overleg["participant"] + "?stap=1&contact=misschien").status_code == 400


def test_the_step_is_a_fragment_for_htmx(client, overleg):
    response = client.get(overleg["participant"] + "?stap=1", headers={"HX-Request": "true"})

    assert "HX-Request" in response["Vary"]
    assertNotContains(response, "<html")


# Overview


def test_the_overview_counts_answers_and_shows_the_phases_and_the_disagreement(
    client, overleg, roles
):
    answer(client, overleg["participant"], roles[0], sfeer="gespannen", contact="gespannen")
    answer(client, overleg["participant"], roles[1])

    response = client.get(overleg["manage"])

    live = response.content.decode().split('id="live"')[1].split('id="next-heading"')[0]
    assert "2 deelnemers hebben geantwoord" in live
    assert 'id="disagree-heading"' in live
    assert re.search(r"Rust</span>\s*<meter[^>]*value=\"1\"", live)
    assert re.search(r"Spanning</span>\s*<meter[^>]*value=\"1\"", live)


def test_the_live_part_polls_and_is_served_on_its_own(client, overleg):
    page = client.get(overleg["manage"]).content.decode()
    live = client.get(overleg["manage"] + "stand/", headers={"HX-Request": "true"})

    assert f'data-hx-get="{overleg["manage"]}stand/"' in page
    assert 'data-hx-trigger="every 10s, visibilitychange from:document"' in page
    assert "data-poll" in page
    assert live.content.decode().lstrip().startswith('<div id="live"')
    assert live["X-Robots-Tag"] == "noindex, nofollow"


def test_the_overview_query_count_is_bounded_at_fifty_participants(
    client, overleg, roles, django_assert_max_num_queries
):
    for number in range(50):
        answer(
            client,
            overleg["participant"],
            roles[number % 2],
            sfeer="gespannen" if number % 3 else "rustig",
            line=f"regel {number}",
        )

    with django_assert_max_num_queries(12):
        response = client.get(overleg["manage"])

    assertContains(response, "50 deelnemers hebben geantwoord")


def test_the_overview_shows_the_expiry_date_and_every_change_moves_it(client, overleg, roles):
    overleg["object"].refresh_from_db()
    before = overleg["object"].updated_at

    answer(client, overleg["participant"], roles[0])

    overleg["object"].refresh_from_db()
    assert overleg["object"].updated_at > before
    assertContains(client.get(overleg["manage"]), 'id="lifetime-heading"')


# Agree and plan


def _plan_ready(client, overleg, scan):
    guidance = GuidanceFactory(phase=scan["tense"], tips=2)
    client.post(
        overleg["manage"] + "afspraken/",
        {
            "agreed_phase": scan["tense"].pk,
            "dividing_lines": "Oud en nieuw",
            "groups": "Jongeren",
            "places": "Het plein",
        },
    )
    client.post(overleg["manage"] + "plan/kiezen/", {"guidances": [guidance.pk]})
    return guidance


def test_the_coordinator_records_the_agreement_and_chooses_activities_of_that_phase(
    client, overleg, scan
):
    other_phase = GuidanceFactory(phase=scan["calm"])
    guidance = _plan_ready(client, overleg, scan)

    plan = client.get(overleg["manage"] + "plan/")

    overleg["object"].refresh_from_db()
    assert overleg["object"].agreed_phase == scan["tense"]
    assert list(PlanItem.objects.values_list("guidance", flat=True)) == [guidance.pk]
    assertContains(plan, "Het plein")
    assertNotContains(plan, f'value="{other_phase.pk}"')


def test_a_plan_item_gets_its_goal_people_date_and_measure_and_the_tips_as_a_checklist(
    client, overleg, scan
):
    guidance = _plan_ready(client, overleg, scan)
    item = PlanItem.objects.get()
    tip = guidance.tips.filter(kind=Tip.Kind.DOES_NOT_WORK).first()

    client.post(
        f"{overleg['manage']}plan/{item.pk}/",
        {
            "goal": "Elkaar leren kennen",
            "who": "Welzijn nodigt uit",
            "partners": "School",
            "date": "2027-03-01",
            "measure": "Twintig bewoners komen",
            "tips_avoid": [tip.pk],
        },
    )
    plan = client.get(overleg["manage"] + "plan/").content.decode()

    section = plan.split('id="items-heading"')[1]
    for text in (
        "Elkaar leren kennen",
        "Welzijn nodigt uit",
        "Twintig bewoners komen",
        "1 maart 2027",
    ):
        assert text in section
    assert section.count('class="checklist__item') == guidance.tips.count()
    assert "☑</span>" in section
    assert "☐</span>" in section
    assert list(PlanItem.objects.get().checked_tips.all()) == [tip]


def test_a_plan_item_of_another_overleg_is_a_404(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    other = Overleg.start("Ander")[0]
    foreign = PlanItem.objects.create(overleg=other, guidance=GuidanceFactory(phase=scan["calm"]))

    assert client.get(f"{overleg['manage']}plan/{foreign.pk}/").status_code == 404
    assert client.post(f"{overleg['manage']}plan/{foreign.pk}/weghalen/").status_code == 404
    assert PlanItem.objects.filter(pk=foreign.pk).exists()


def test_participants_read_the_plan_but_cannot_change_it(client, overleg, scan):
    _plan_ready(client, overleg, scan)

    response = client.get(overleg["participant"] + "plan/")

    assertContains(response, "Het plein")
    assertNotContains(response, "/buurtoverleg/b/")
    assert select(response, "main form") == []


# Delete


def test_the_coordinator_deletes_the_overleg_at_once(client, overleg, roles):
    answer(client, overleg["participant"], roles[0])

    client.post(overleg["manage"] + "verwijderen/")

    assert not Overleg.objects.exists()
    assert not Response.objects.exists()
    assert client.get(overleg["manage"]).status_code == 404
    assert client.get(overleg["participant"]).status_code == 404


def test_roles_are_editable_and_a_new_role_is_offered(client, overleg):
    ParticipantRoleFactory(name_nl="Jongerenwerker")

    assertContains(client.get(overleg["participant"]), "Jongerenwerker")
