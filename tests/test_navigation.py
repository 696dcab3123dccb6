"""The header marks the section the page belongs to, in both of its menus."""

import pytest

from tests.factories import GuidanceFactory, PublicationFactory
from tests.html import select

pytestmark = pytest.mark.django_db


def _current(response):
    marks = {}
    for nav in ("#site-nav", "#site-menu-nav"):
        links = select(response, f"{nav} a[aria-current]")
        marks[nav] = [(link.text, link["aria-current"]) for link in links]
    assert marks["#site-nav"] == marks["#site-menu-nav"]
    return marks["#site-nav"]


def test_phase_and_activity_pages_mark_phases_as_the_current_section(client):
    guidance = GuidanceFactory()

    assert _current(client.get(guidance.phase.get_absolute_url())) == [("Fasen", "true")]
    assert _current(client.get(guidance.get_absolute_url())) == [("Fasen", "true")]


def test_the_home_page_is_the_phases_page_itself(client):
    assert _current(client.get("/")) == [("Fasen", "page")]


def test_other_sections_are_marked_and_english_pages_too(client):
    publication = PublicationFactory()

    assert _current(client.get("/bindingsladder/")) == [("Bindingsladder", "page")]
    assert _current(client.get(publication.get_absolute_url())) == [("Bibliotheek", "true")]
    assert _current(client.get("/en/bibliotheek/")) == [("Library", "page")]


def test_htmx_fragments_carry_the_menus_out_of_band(client):
    guidance = GuidanceFactory()

    response = client.get(guidance.get_absolute_url(), headers={"HX-Request": "true"})

    assert [nav["data-hx-swap-oob"] for nav in select(response, "nav.site-nav")] == ["true", "true"]
