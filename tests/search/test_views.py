import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ActivityTypeFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    PublicationFactory,
    TipFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = "/zoeken/"


def _group(response, kind):
    body = response.content.decode()
    if f'id="group-{kind}"' not in body:
        return ""
    return body.split(f'id="group-{kind}"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def content():
    phase = PhaseFactory(name_nl="Ongemak", headline_nl="Ongemak overwinnen met moestuinen")
    guidance = GuidanceFactory(
        phase=phase,
        activity_type=ActivityTypeFactory(name_nl="Samenwerken"),
        introduction_nl="Werk samen aan een moestuin.",
    )
    TipFactory(guidance=guidance, text_nl="Laat kinderen de moestuin water geven.")
    hidden = GuidanceFactory(unpublished=True, introduction_nl="Een moestuin in concept.")
    PracticeExampleFactory(name="Moestuin De Wortel", description_nl="Een moestuin.")
    PracticeExampleFactory(name="Verborgen moestuin", draft=True)
    PublicationFactory(title="Moestuinen en contact", summary_nl="Over moestuin en buren.")
    return {"guidance": guidance, "hidden": hidden}


def test_the_site_search_groups_results_by_kind(client, content):
    response = client.get(SEARCH, {"q": "moestuin"})

    assert "Ongemak" in _group(response, "phases")
    assert content["guidance"].get_absolute_url() in _group(response, "guidance")
    assert "Moestuin De Wortel" in _group(response, "examples")
    assert "Moestuinen en contact" in _group(response, "library")


def test_the_site_search_finds_guidance_by_its_tips(client, content):
    response = client.get(SEARCH, {"q": "kinderen"})

    assert content["guidance"].get_absolute_url() in _group(response, "guidance")


def test_the_site_search_shows_nothing_unpublished(client, content):
    response = client.get(SEARCH, {"q": "moestuin"})

    assertNotContains(response, "Verborgen moestuin")
    assertNotContains(response, content["hidden"].get_absolute_url())


def test_the_site_search_speaks_the_pages_language(client):
    PracticeExampleFactory(name="Project", description_nl="Koken.", description_en="Cooking.")

    assert "Project" in _group(client.get("/en" + SEARCH, {"q": "cooking"}), "examples")
    assert "Project" not in _group(client.get(SEARCH, {"q": "cooking"}), "examples")


def test_the_header_has_a_search_box_on_every_page(client):
    response = client.get("/")

    assertContains(response, 'action="/zoeken/"')
    assertContains(response, 'name="q"')


def test_an_empty_search_shows_the_form_without_results(client):
    response = client.get(SEARCH)

    assert response.status_code == 200
    assertNotContains(response, 'class="search-total"')


@pytest.mark.parametrize("query", [{"q": "x" * 201}, {"q": ["a", "b"]}])
def test_huge_or_repeated_search_parameters_get_a_styled_400(client, query):
    response = client.get(SEARCH, query)

    assert response.status_code == 400
    assertContains(response, 'class="error-summary"', status_code=400)


def test_the_site_search_stays_within_a_fixed_query_budget(
    client, content, django_assert_max_num_queries
):
    for n in range(30):
        PracticeExampleFactory(name=f"Moestuin {n}", guidances=[content["guidance"]])
        GuidanceFactory(phase=content["guidance"].phase, introduction_nl=f"Moestuin {n}")

    # One per kind, the content version and the search words' related words.
    with django_assert_max_num_queries(7):
        response = client.get(SEARCH, {"q": "moestuin"})

    assert response.status_code == 200
