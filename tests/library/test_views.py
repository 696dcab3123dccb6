import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import GuidanceFactory, PhaseFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_library_lists_the_publications_in_order(client):
    PublicationFactory(title="Wij in de wijk", position=2, publisher="Movisie", year=2020)
    PublicationFactory(title="Bekend maakt bemind", position=1)

    response = client.get(reverse("library:list"))

    assertContains(response, "Bibliotheek: de kennis achter het advies")
    content = response.content.decode()
    assert content.index("Bekend maakt bemind") < content.index("Wij in de wijk")
    assertContains(response, "Movisie · 2020")


def test_publication_page_shows_summary_key_points_source_and_the_advice_using_it(client):
    publication = PublicationFactory(
        title="Waarom contact werkt",
        summary_nl="Contact helpt als het positief is.",
        key_points_nl="Contact alleen is niet genoeg\nHoe duurzamer, hoe beter",
        url="https://www.kis.nl/publicatie/waarom-contact-werkt",
    )
    guidance = GuidanceFactory(activity_type__name_nl="Dialoog")
    guidance.sources.add(publication)
    GuidanceFactory(unpublished=True, activity_type__name_nl="Concept").sources.add(publication)

    response = client.get(publication.get_absolute_url())

    assertContains(
        response, '<h1 class="nl-heading nl-heading--level-1">Waarom contact werkt</h1>', html=True
    )
    assertContains(response, "Contact helpt als het positief is.")
    assertContains(response, "<li>Hoe duurzamer, hoe beter</li>", html=True)
    assertContains(response, 'href="https://www.kis.nl/publicatie/waarom-contact-werkt"')
    assertContains(response, "kis.nl")
    assertContains(response, f'href="{guidance.get_absolute_url()}"')
    assertNotContains(response, "Concept")


def test_publication_page_in_english(client):
    publication = PublicationFactory(summary_en="Contact helps when it is positive.")

    response = client.get(f"/en{publication.get_absolute_url()}")

    assertContains(response, "Contact helps when it is positive.")
    assertContains(response, "Key points")


def test_unknown_publication_is_a_404(client):
    response = client.get("/bibliotheek/bestaat-niet/")

    assertContains(response, "We kunnen deze pagina niet vinden", status_code=404)


@pytest.mark.parametrize("size", [2, 20])
def test_library_pages_have_a_fixed_number_of_queries(client, django_assert_max_num_queries, size):
    publications = PublicationFactory.create_batch(size)
    phase = PhaseFactory()
    for _ in range(size):
        GuidanceFactory(phase=phase).sources.add(publications[0])

    # The first visit after an edit: the content version, then what the page shows.
    with django_assert_max_num_queries(1 + 1):
        assert client.get(reverse("library:list")).status_code == 200
    with django_assert_max_num_queries(1 + 2):
        assert client.get(publications[0].get_absolute_url()).status_code == 200
