"""Drafts are invisible to the public and previewable by an editor, never cached."""

import pytest
from django.contrib.auth.models import Permission
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import GuidanceFactory, PracticeExampleFactory, PublicationFactory
from tests.html import select

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts():
    guidance = GuidanceFactory(unpublished=True, introduction_nl="Geheime conceptintroductie.")
    publication = PublicationFactory(draft=True, title="Conceptpublicatie")
    return guidance, publication


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", password="x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_guidance", "change_publication"])
    )
    client.force_login(user)
    return client


def test_an_anonymous_visitor_gets_a_404_for_a_draft(client, drafts):
    for draft in drafts:
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_editor_previews_a_draft_with_a_concept_banner(editor_client, drafts):
    for draft in drafts:
        response = editor_client.get(draft.get_absolute_url())

        assert response.status_code == 200
        banner = select(response, ".draft-banner")
        assert banner
        assert "Concept" in banner[0].text


def test_a_preview_is_never_stored_by_a_cache(editor_client, drafts):
    response = editor_client.get(drafts[0].get_absolute_url())

    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert "public" not in cache_control


def test_a_published_page_has_no_banner_for_the_editor(editor_client):
    guidance = GuidanceFactory()

    assert select(editor_client.get(guidance.get_absolute_url()), ".draft-banner") == []


def test_a_logged_in_user_without_change_permission_sees_no_drafts(
    client, django_user_model, drafts
):
    client.force_login(django_user_model.objects.create_user("kijker", is_staff=True))

    assert client.get(drafts[1].get_absolute_url()).status_code == 404


def test_anonymous_public_pages_set_no_cookie_and_do_not_vary_on_it(client, drafts):
    guidance = GuidanceFactory()

    response = client.get(guidance.get_absolute_url())

    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")


def test_drafts_are_not_in_the_library_or_the_open_data(client, drafts):
    PracticeExampleFactory(name="Conceptvoorbeeld", draft=True)

    assertNotContains(client.get("/bibliotheek/"), "Conceptpublicatie")
    for name in ("guidance", "examples", "publications"):
        for fmt in ("json", "csv"):
            response = client.get(f"/open-data/{name}.{fmt}")
            assertNotContains(response, "Concept")
            assertNotContains(response, "Geheime")


def test_a_draft_is_not_shown_in_the_phase_page_list(client, drafts):
    guidance, _publication = drafts

    response = client.get(guidance.phase.get_absolute_url())

    assertNotContains(response, guidance.get_absolute_url())
    assertContains(response, guidance.phase.title)
