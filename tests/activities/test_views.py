import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from activities.models import Tip
from tests.factories import (
    ActivityTypeFactory,
    BindingRungFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    PublicationFactory,
    TipFactory,
)
from tests.html import select, select_one

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def test_activity_page_shows_phase_title_intro_and_both_kinds_of_tips(client):
    guidance = GuidanceFactory(
        tips=0,
        activity_type__name_nl="Elkaar helpen",
        introduction_nl="Hulprelaties overbruggen verschillen.",
    )
    TipFactory(guidance=guidance, kind=Tip.Kind.WORKS, text_nl="Koppel gelijken.")
    TipFactory(guidance=guidance, kind=Tip.Kind.DOES_NOT_WORK, text_nl="Geen autoritaire mentor.")

    response = client.get(guidance.get_absolute_url())

    assertTemplateUsed(response, "activities/guidance_detail.html")
    assertContains(response, "Verbindend contact in jouw wijk:")
    assertContains(response, guidance.phase.headline_nl)
    assertContains(
        response,
        '<h1 class="nl-heading nl-heading--level-1" id="page-heading">Elkaar helpen</h1>',
        html=False,
    )
    assertContains(response, "Hulprelaties overbruggen verschillen.")
    content = response.content.decode()
    assert content.index("Dit werkt wel") < content.index("Koppel gelijken.")
    assert content.index("Dit werkt niet") < content.index("Geen autoritaire mentor.")
    assert content.index("Koppel gelijken.") < content.index("Dit werkt niet")


def test_tips_keep_the_order_editors_gave_them(client):
    guidance = GuidanceFactory(tips=0)
    TipFactory(guidance=guidance, position=2, text_nl="Tweede tip")
    TipFactory(guidance=guidance, position=1, text_nl="Eerste tip")

    content = client.get(guidance.get_absolute_url()).content.decode()

    assert content.index("Eerste tip") < content.index("Tweede tip")


def test_practice_example_links_safely_to_its_site_naming_the_domain(client):
    guidance = GuidanceFactory()
    PracticeExampleFactory(
        guidances=[guidance],
        name="Cocktail",
        organisation="COC Nederland",
        place="Amsterdam",
        website="https://www.coc.nl/cocktail",
    )

    response = client.get(guidance.get_absolute_url())

    assertContains(response, "Praktijkvoorbeelden")
    assertContains(response, "Cocktail")
    assertContains(response, "COC Nederland · Amsterdam")
    assertContains(
        response, 'href="https://www.coc.nl/cocktail" rel="external noopener noreferrer"'
    )
    assertContains(response, "coc.nl")
    assertContains(response, "Meer informatie")


def test_example_without_website_has_no_link(client):
    guidance = GuidanceFactory()
    PracticeExampleFactory(guidances=[guidance], website="")

    response = client.get(guidance.get_absolute_url())

    assertNotContains(response, "Meer informatie")


def test_activity_page_offers_the_phase_situation_and_its_other_activities(client):
    phase = PhaseFactory()
    current = GuidanceFactory(phase=phase, activity_type__name_nl="Dialoog")
    other = GuidanceFactory(phase=phase, activity_type__name_nl="Elkaar helpen")

    response = client.get(current.get_absolute_url())

    assertContains(response, phase.current_quote_nl)
    assertContains(response, phase.desired_quote_nl)
    assertContains(response, phase.call_to_action_nl)
    cards = select(response, ".phase-context .activity-card")
    assert [card["href"] for card in cards] == [
        current.get_absolute_url(),
        other.get_absolute_url(),
    ]
    marked = [card["href"] for card in cards if card.get("aria-current") == "page"]
    assert marked == [current.get_absolute_url()]


def test_htmx_request_gets_the_activity_fragment_only(client):
    guidance = GuidanceFactory()

    full = client.get(guidance.get_absolute_url())
    fragment = client.get(guidance.get_absolute_url(), headers=HTMX)

    assertContains(full, "<!doctype html>")
    assert "<!doctype html>" not in fragment.content.decode()
    assertContains(fragment, guidance.introduction_nl)
    assert "HX-Request" in full["Vary"]
    assert "HX-Request" in fragment["Vary"]


def test_activity_page_in_english(client):
    guidance = GuidanceFactory(introduction_en="Why this works.")

    response = client.get(f"/en{guidance.get_absolute_url()}")

    assertContains(response, "Why this works.")
    assertContains(response, "This works")
    assertContains(response, "This does not work")


def test_english_falls_back_to_dutch_when_a_text_is_not_translated(client):
    guidance = GuidanceFactory(introduction_nl="Alleen in het Nederlands.", introduction_en="")

    response = client.get(f"/en{guidance.get_absolute_url()}")

    assertContains(response, "Alleen in het Nederlands.")


def test_activity_of_another_phase_is_a_404(client):
    guidance = GuidanceFactory()
    other_phase = PhaseFactory()

    response = client.get(f"/verbinden/{other_phase.slug}/{guidance.activity_type.slug}/")

    assertContains(response, "We kunnen deze pagina niet vinden", status_code=404)


@pytest.mark.parametrize(
    "path",
    [
        "/verbinden/bestaat-niet/dialoog/",
        "/verbinden/in-rust/bestaat-niet/",
        "/en/verbinden/in-rust/bestaat-niet/",
    ],
)
def test_unknown_phase_or_activity_is_a_404(client, path):
    PhaseFactory(slug="in-rust")

    response = client.get(path)

    assert response.status_code == 404


def test_unpublished_guidance_is_a_404(client):
    guidance = GuidanceFactory(unpublished=True)

    response = client.get(guidance.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("size", [2, 20])
def test_activity_page_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, size
):
    phase = PhaseFactory()
    PhaseFactory.create_batch(3)
    guidances = [GuidanceFactory(phase=phase, tips=size) for _ in range(size)]
    PracticeExampleFactory.create_batch(size, guidances=[guidances[0]])

    # The first visit after an edit: the content version, then what the page shows (six), and
    # who to call in this phase (contacts, one).
    with django_assert_max_num_queries(1 + 6 + 1):
        response = client.get(guidances[0].get_absolute_url())

    assert response.status_code == 200


def test_activity_page_shows_rung_target_group_sources_and_review_date(client):
    guidance = GuidanceFactory(
        activity_type__rung=BindingRungFactory(number=2, name_nl="Elkaar leren kennen"),
        target_group_advice_nl="Contact tussen jongeren vraagt om iets anders.",
        last_reviewed=datetime.date(2026, 11, 22),
    )
    source = PublicationFactory(title="Waarom contact werkt", publisher="KIS", year=2020)
    guidance.sources.add(source)

    response = client.get(guidance.get_absolute_url())

    assertContains(response, "Trede 2 van 4: Elkaar leren kennen")
    assertContains(response, "Wie wil je bereiken?")
    assertContains(response, "Contact tussen jongeren vraagt om iets anders.")
    assertContains(response, "Waar dit advies op berust")
    assertContains(response, f'<a href="{source.get_absolute_url()}">Waarom contact werkt</a>')
    assertContains(response, "(KIS, 2020)")
    assertContains(response, '<time datetime="2026-11-22">22 november 2026</time>')


def test_activity_page_in_english_dates_in_english(client):
    guidance = GuidanceFactory(last_reviewed=datetime.date(2026, 11, 22))

    response = client.get(f"/en{guidance.get_absolute_url()}")

    assertContains(response, "Last reviewed:")
    assertContains(response, "22 November 2026")


def test_without_target_group_advice_the_block_is_left_out(client):
    guidance = GuidanceFactory(target_group_advice_nl="")

    response = client.get(guidance.get_absolute_url())

    assertNotContains(response, "Wie wil je bereiken?")


def test_binding_ladder_page_explains_the_rungs_with_their_activity_types(client):
    ActivityTypeFactory(name_nl="Maatjesproject", rung=BindingRungFactory(number=4))
    ActivityTypeFactory(name_nl="Buurtbarbecue", rung=BindingRungFactory(number=1))

    response = client.get(reverse("activities:ladder"))

    assertContains(
        response, '<h1 class="nl-heading nl-heading--level-1">De bindingsladder</h1>', html=True
    )
    content = response.content.decode()
    assert content.index("Trede 4") < content.index("Trede 1")
    assertContains(response, 'id="rung-4"')
    assertContains(response, "Maatjesproject")
    assertContains(response, "Buurtbarbecue")


def test_binding_ladder_page_has_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for number in range(1, 5):
        ActivityTypeFactory.create_batch(3, rung=BindingRungFactory(number=number))

    # The first visit after an edit: the content version, then what the page shows.
    with django_assert_max_num_queries(1 + 2):
        response = client.get(reverse("activities:ladder"))

    assert response.status_code == 200


def test_cards_and_the_guidance_page_say_what_an_activity_takes_in_words(client):
    guidance = GuidanceFactory(
        activity_type__effort_time="high",
        activity_type__effort_people="low",
        activity_type__effort_money="medium",
    )

    card = select_one(client.get(guidance.phase.get_absolute_url()), ".activity-card .effort")
    assert card.select_one(".effort__label").text == "Wat het vraagt:"
    items = [item.text for item in card.select(".effort__item")]
    assert items == ["tijd hoog", "mensen laag", "geld gemiddeld"]
    page = client.get(guidance.get_absolute_url())
    efforts = [(item.dt.text, item.dd.text) for item in select(page, ".effort-list div")]
    assert efforts == [("Tijd", "hoog"), ("Mensen", "laag"), ("Geld", "gemiddeld")]


def test_an_activity_not_on_the_ladder_says_so_and_comes_after_those_on_it(client):
    safety = GuidanceFactory(
        activity_type__name_nl="Veiligheid",
        activity_type__rung=None,
        activity_type__off_ladder=True,
        position=0,
    )
    GuidanceFactory(phase=safety.phase, activity_type__name_nl="Dialoog", position=5)

    phase_page = client.get(safety.phase.get_absolute_url())
    names = [card.text for card in select(phase_page, ".activity-card__name")]
    assert names == ["Dialoog", "Veiligheid"]
    badge = select_one(client.get(safety.get_absolute_url()), ".guidance-meta .rung-badge")
    assert badge.text == "Niet op de bindingsladder: eerst veiligheid"
    assert badge["href"] == "/bindingsladder/#not-on-the-ladder"
    ladder = select_one(client.get("/bindingsladder/"), "#not-on-the-ladder")
    assert "Veiligheid" in ladder.text
