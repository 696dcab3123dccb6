"""Drafts (unpublished guidance, examples and publications) never reach a public page."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from activities.models import Guidance
from examples.models import PracticeExample
from library.models import Publication
from tests.factories import GuidanceFactory, PracticeExampleFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_new_guidance_examples_and_publications_start_as_drafts():
    for model in (Guidance, PracticeExample, Publication):
        assert model._meta.get_field("is_published").default is False


def test_a_draft_example_is_not_shown_on_its_guidance_page(client):
    guidance = GuidanceFactory()
    PracticeExampleFactory(name="Zichtbaar project", guidances=[guidance])
    PracticeExampleFactory(name="Concept project", draft=True, guidances=[guidance])

    response = client.get(guidance.get_absolute_url())

    assertContains(response, "Zichtbaar project")
    assertNotContains(response, "Concept project")


def test_a_draft_source_is_not_listed_on_a_guidance_page(client):
    guidance = GuidanceFactory()
    guidance.sources.add(
        PublicationFactory(title="Gepubliceerde bron"),
        PublicationFactory(title="Conceptbron", draft=True),
    )

    response = client.get(guidance.get_absolute_url())

    assertContains(response, "Gepubliceerde bron")
    assertNotContains(response, "Conceptbron")


def test_a_draft_publication_is_neither_listed_nor_reachable(client):
    draft = PublicationFactory(title="Conceptpublicatie", draft=True)

    assertNotContains(client.get("/bibliotheek/"), "Conceptpublicatie")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_drafts_are_left_out_of_the_sitemap(client):
    published = PublicationFactory(slug="openbaar")
    draft = PublicationFactory(slug="concept", draft=True)
    guidance = GuidanceFactory(activity_type__slug="zichtbaar")
    hidden = GuidanceFactory(unpublished=True, activity_type__slug="verborgen")

    sitemap = client.get("/sitemap.xml").content.decode()

    assert published.get_absolute_url() in sitemap
    assert guidance.get_absolute_url() in sitemap
    assert draft.get_absolute_url() not in sitemap
    assert hidden.get_absolute_url() not in sitemap
