"""Renaming a slug never breaks a shared link: old addresses redirect permanently to the new one."""

import pytest
from pytest_django.asserts import assertContains

from editing.slugs import renamed_url
from tests.factories import GuidanceFactory, PublicationFactory, ScanAnswerFactory

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()


@pytest.fixture
def guidance():
    return GuidanceFactory(phase__slug="in-rust", activity_type__slug="elkaar-helpen")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_old_phase_address_redirects_permanently_to_the_new_one(client, guidance, prefix):
    rename(guidance.phase, "rustig")

    response = client.get(f"{prefix}/verbinden/in-rust/")

    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/verbinden/rustig/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_below_a_renamed_phase_redirect_too(client, guidance, prefix):
    rename(guidance.phase, "rustig")

    response = client.get(f"{prefix}/verbinden/in-rust/elkaar-helpen/")

    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/verbinden/rustig/elkaar-helpen/"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_after_two_renames_both_old_addresses_go_straight_to_the_current_one(
    client, guidance, prefix
):
    rename(guidance.activity_type, "samen-helpen")
    rename(guidance.activity_type, "burenhulp")
    rename(guidance.phase, "rustig")

    for old in ("elkaar-helpen", "samen-helpen"):
        response = client.get(f"{prefix}/verbinden/in-rust/{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}/verbinden/rustig/burenhulp/"
    assert client.get(f"{prefix}/verbinden/rustig/burenhulp/").status_code == 200


def test_renaming_back_to_an_old_slug_makes_no_loop(client, guidance):
    rename(guidance.phase, "rustig")
    rename(guidance.phase, "in-rust")

    assert client.get("/verbinden/in-rust/").status_code == 200
    response = client.get("/verbinden/rustig/")
    assert response.status_code == 301
    assert response["Location"] == "/verbinden/in-rust/"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_old_publication_address_redirects_with_its_query_string(client, prefix):
    publication = PublicationFactory(slug="oude-titel")
    rename(publication, "nieuwe-titel")
    rename(publication, "nog-nieuwer")

    response = client.get(f"{prefix}/bibliotheek/oude-titel/?ref=whatsapp")

    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/bibliotheek/nog-nieuwer/?ref=whatsapp"


def test_an_unknown_slug_still_gets_the_styled_404(client, guidance):
    response = client.get("/verbinden/bestaat-niet/")

    assert response.status_code == 404
    assertContains(response, "niet gevonden", status_code=404)


def test_a_deleted_item_s_old_address_is_a_404_not_a_500(client):
    publication = PublicationFactory(slug="weg")
    rename(publication, "ook-weg")
    publication.delete()

    assert client.get("/bibliotheek/weg/").status_code == 404


def test_an_old_slug_taken_by_another_item_shows_that_item(client):
    first = PublicationFactory(slug="gedeeld", title="Eerste")
    rename(first, "eerste")
    PublicationFactory(slug="gedeeld", title="Tweede")

    response = client.get("/bibliotheek/gedeeld/")

    assert response.status_code == 200
    assertContains(response, "Tweede")


def test_the_renamed_url_of_an_unrenamed_address_is_none(guidance):
    assert renamed_url("/verbinden/in-rust/") is None
    assert renamed_url("/bestaat/niet/") is None


# The wijkscan's shared outcome links carry question and answer slugs.


@pytest.fixture
def scan():
    answer = ScanAnswerFactory(question__slug="contact", slug="weinig")
    other = ScanAnswerFactory(question=answer.question, slug="veel")
    return answer, other


def test_an_old_outcome_link_gives_the_same_outcome_after_renaming_question_and_answer(
    client, scan
):
    answer, _other = scan
    before = client.get("/wijkscan/resultaat/?contact=weinig")
    rename(answer.question, "contacten")
    rename(answer, "heel-weinig")

    response = client.get("/wijkscan/resultaat/?contact=weinig", follow=True)

    assert response.redirect_chain == [("/wijkscan/resultaat/?contacten=heel-weinig", 301)]
    assert response.status_code == 200
    assert response.context["result"] == before.context["result"]


def test_an_old_step_link_of_the_scan_redirects_to_the_current_slugs(client, scan):
    answer, _other = scan
    rename(answer, "nauwelijks")

    response = client.get("/en/wijkscan/?stap=1&contact=weinig")

    assert response.status_code == 301
    assert response["Location"] == "/en/wijkscan/?stap=1&contact=nauwelijks"


def test_an_answer_slug_is_looked_up_within_its_own_question(client, scan):
    answer, _other = scan
    rename(answer, "nauwelijks")
    ScanAnswerFactory(question__slug="sfeer", slug="prettig")

    response = client.get("/wijkscan/resultaat/?sfeer=weinig")

    assert response.status_code == 400
