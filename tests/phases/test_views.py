import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from tests.factories import (
    BindingRungFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
)
from tests.html import hrefs, select, select_one

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def test_home_lists_the_phases_in_order_with_their_quotes(client):
    PhaseFactory(position=2, name_nl="Ongemak", current_quote_nl="We snappen elkaar niet")
    PhaseFactory(position=1, name_nl="Rust", current_quote_nl="We leven langs elkaar")

    response = client.get("/")

    assertContains(response, "Wat is de situatie in jouw wijk?")
    content = response.content.decode()
    assert content.index("Rust") < content.index("Ongemak")
    assertContains(response, "We snappen elkaar niet")


def test_home_links_each_phase_with_a_real_href_and_htmx(client):
    phase = PhaseFactory()

    response = client.get("/")

    url = phase.get_absolute_url()
    assertContains(response, f'href="{url}" data-hx-get="{url}" data-hx-push-url="true"')


def test_home_is_in_english_under_en(client):
    PhaseFactory(name_en="Calm")

    response = client.get("/en/")

    assertContains(response, '<html lang="en">')
    assertContains(response, "What is the situation in your neighbourhood?")
    assertContains(response, "Calm")


def test_phase_page_shows_situations_call_to_action_and_activities_in_order(client):
    phase = PhaseFactory(call_to_action_nl="Zo verminder je spanningen:")
    GuidanceFactory(phase=phase, position=2, activity_type__name_nl="Dialoog")
    GuidanceFactory(phase=phase, position=1, activity_type__name_nl="Eenmalige evenementen")

    response = client.get(phase.get_absolute_url())

    assertTemplateUsed(response, "phases/phase_detail.html")
    assertContains(response, phase.headline_nl)
    assertContains(response, "Huidige situatie")
    assertContains(response, phase.current_quote_nl)
    assertContains(response, "Gewenste situatie")
    assertContains(response, phase.desired_text_nl)
    assertContains(response, "Zo verminder je spanningen:")
    content = response.content.decode()
    assert content.index("Eenmalige evenementen") < content.index("Dialoog")


def test_phase_page_leaves_out_unpublished_guidance(client):
    phase = PhaseFactory()
    GuidanceFactory(phase=phase, unpublished=True, activity_type__name_nl="Concepttekst")

    response = client.get(phase.get_absolute_url())

    assertNotContains(response, "Concepttekst")


def test_phase_page_full_load_is_a_whole_document(client):
    phase = PhaseFactory()

    response = client.get(phase.get_absolute_url())

    assertContains(response, "<!doctype html>")
    assertContains(response, 'id="main-content"')
    assert "HX-Request" in response["Vary"]


def test_htmx_request_gets_the_phase_fragment_only(client):
    phase = PhaseFactory()

    response = client.get(phase.get_absolute_url(), headers=HTMX)

    content = response.content.decode()
    assert "<!doctype html>" not in content
    assert 'id="main-content"' not in content
    assert phase.headline_nl in content
    assert f"<title>{phase.headline_nl}" in content
    assert 'data-hx-swap-oob="true"' in content
    assert "data-swap-focus" in content  # static/js/focus.js moves the focus to the heading
    assert "HX-Request" in response["Vary"]


def test_boosted_and_history_restore_requests_get_the_whole_page(client):
    phase = PhaseFactory()

    boosted = client.get(phase.get_absolute_url(), headers={**HTMX, "HX-Boosted": "true"})
    restore = client.get(
        phase.get_absolute_url(), headers={**HTMX, "HX-History-Restore-Request": "true"}
    )

    assertContains(boosted, "<!doctype html>")
    assertContains(restore, "<!doctype html>")


def test_phase_page_in_english_uses_the_english_texts(client):
    phase = PhaseFactory(headline_en="Reducing tension")

    response = client.get(f"/en{phase.get_absolute_url()}")

    assertContains(response, '<html lang="en">')
    assertContains(response, "Reducing tension")
    assertContains(response, "Current situation")


def test_unknown_phase_gets_a_styled_404_in_its_language(client):
    nl = client.get("/verbinden/bestaat-niet/")
    en = client.get("/en/verbinden/bestaat-niet/")

    assert nl.status_code == 404
    assertContains(nl, "We kunnen deze pagina niet vinden", status_code=404)
    assertContains(nl, 'href="/"', status_code=404)
    assertContains(en, "We cannot find this page", status_code=404)
    assertContains(en, 'href="/en/"', status_code=404)


def test_phase_page_rejects_post(client):
    phase = PhaseFactory()

    response = client.post(phase.get_absolute_url())

    assert response.status_code == 405


def _phase_with_content(activities):
    phase = PhaseFactory()
    PhaseFactory.create_batch(3)
    for _ in range(activities):
        guidance = GuidanceFactory(phase=phase, tips=3)
        PracticeExampleFactory(guidances=[guidance])
    return phase


@pytest.mark.parametrize("activities", [2, 20])
def test_phase_page_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, activities
):
    phase = _phase_with_content(activities)

    # The first visit after an edit: the content version, then what the page shows.
    with django_assert_max_num_queries(1 + 3):
        response = client.get(phase.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("phases", [1, 4])
def test_home_queries_do_not_grow_with_content(client, django_assert_max_num_queries, phases):
    PhaseFactory.create_batch(phases)

    # The first visit after an edit: the content version, then what the page shows.
    with django_assert_max_num_queries(1 + 1):
        response = client.get(reverse("phases:list"))

    assert response.status_code == 200


def test_phase_page_orders_activities_by_their_rung_and_shows_it(client):
    phase = PhaseFactory()
    GuidanceFactory(
        phase=phase,
        position=1,
        activity_type__name_nl="Elkaar helpen",
        activity_type__rung=BindingRungFactory(number=4, name_nl="Elkaar helpen"),
    )
    GuidanceFactory(
        phase=phase,
        position=2,
        activity_type__name_nl="Buurtfeest",
        activity_type__rung=BindingRungFactory(number=1, name_nl="Ontmoeten"),
    )

    response = client.get(phase.get_absolute_url())

    content = response.content.decode()
    assert content.index("Buurtfeest") < content.index("Elkaar helpen</span>")
    assertContains(response, "Trede 1 van 4: Ontmoeten")
    assertContains(response, "Trede 4 van 4: Elkaar helpen")
    assertContains(response, f'href="{reverse("activities:ladder")}"')


def test_phase_page_lists_the_signals_of_the_phase(client):
    phase = PhaseFactory(signals_nl="Weinig contact\nNiemand groet elkaar\n")

    response = client.get(phase.get_absolute_url())

    assertContains(response, "Zo herken je deze fase")
    assertContains(response, "<li>Weinig contact</li>", html=True)
    assertContains(response, "<li>Niemand groet elkaar</li>", html=True)


@pytest.fixture
def four_phases():
    return [
        PhaseFactory(position=1, slug="in-rust", name_nl="Rust"),
        PhaseFactory(position=2, slug="bij-ongemak", name_nl="Ongemak"),
        PhaseFactory(position=3, slug="bij-spanningen", name_nl="Spanning"),
        PhaseFactory(position=4, slug="bij-incidenten", name_nl="Incidenten"),
    ]


def test_phase_page_says_what_signals_change_and_links_the_neighbouring_phases(client, four_phases):
    rust, ongemak, spanning, _incidenten = four_phases
    type(ongemak).objects.filter(pk=ongemak.pk).update(
        worsening_signals_nl="Wij-zij-praat neemt toe", improving_signals_nl="Mensen groeten weer"
    )

    response = client.get(ongemak.get_absolute_url())

    between = select_one(response, ".between-phases")
    assert "Wij-zij-praat neemt toe" in between.text
    assert "Mensen groeten weer" in between.text
    worse, calmer = between.select(".between-phases__item")
    assert hrefs(worse) == [spanning.get_absolute_url()]
    assert hrefs(calmer) == [rust.get_absolute_url()]
    assert reverse("wijkscan:scan") in hrefs(between)


def test_the_calmest_phase_links_no_calmer_one(client, four_phases):
    rust = four_phases[0]
    type(rust).objects.filter(pk=rust.pk).update(
        worsening_signals_nl="Minder groeten", improving_signals_nl="Meer buurtfeesten"
    )

    response = client.get(rust.get_absolute_url())

    worse, calmer = select(response, ".between-phases__item")
    assert hrefs(worse) == [four_phases[1].get_absolute_url()]
    assert hrefs(calmer) == []


def test_the_phase_bar_marks_only_the_current_phase(client, four_phases):
    response = client.get(four_phases[2].get_absolute_url())

    current = select(response, ".phase-nav [aria-current]")
    assert [link["href"] for link in current] == [four_phases[2].get_absolute_url()]
    assert current[0]["aria-current"] == "page"


def test_incidents_phase_says_when_to_call_for_help(client, four_phases):
    incidenten = four_phases[3]
    type(incidenten).objects.filter(pk=incidenten.pk).update(
        urgent_help_nl="Bij direct gevaar: bel 112."
    )

    response = client.get(incidenten.get_absolute_url())

    assertContains(response, "Gevaar of bedreiging? Haal meteen hulp")
    assertContains(response, "Bij direct gevaar: bel 112.")
