import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

from phases.models import Phase
from tests.factories import GuidanceFactory, PhaseFactory

pytestmark = pytest.mark.django_db


def test_unprefixed_urls_are_dutch_even_for_an_english_browser(client):
    PhaseFactory()

    response = client.get("/", headers={"Accept-Language": "en"})

    assertContains(response, '<html lang="nl">')


def test_language_switch_links_to_the_same_page_in_the_other_language(client):
    guidance = GuidanceFactory()
    path = guidance.get_absolute_url()

    nl = client.get(path)
    en = client.get(f"/en{path}")

    assertContains(nl, f'<a href="/en{path}" hreflang="en" lang="en">')
    assertContains(en, f'<a href="{path}" hreflang="nl" lang="nl">')


def test_pages_name_their_canonical_url_and_language_alternates(client):
    phase = PhaseFactory()
    path = phase.get_absolute_url()

    response = client.get(f"/en{path}")

    assertContains(response, f'<link rel="canonical" href="http://testserver/en{path}">')
    assertContains(response, f'hreflang="nl" href="http://testserver{path}"')
    assertContains(response, f'hreflang="en" href="http://testserver/en{path}"')
    assertContains(response, f'hreflang="x-default" href="http://testserver{path}"')


def test_link_previews_describe_the_phase(client):
    phase = PhaseFactory(title_nl="Verbinden bij spanningen", headline_nl="Spanningen verminderen")

    response = client.get(phase.get_absolute_url())

    assertContains(
        response,
        '<meta property="og:title" content="Verbinden bij spanningen: Spanningen verminderen">',
    )
    assertContains(response, '<meta property="og:locale" content="nl_NL">')
    assertContains(response, 'property="og:image" content="http://testserver/static/img/og-image')
    assertContains(response, '<meta name="description" content="')


def test_a_translated_model_keeps_both_languages_through_a_save_and_reload():
    phase = PhaseFactory(headline_nl="Spanningen verminderen", headline_en="Reducing tension")

    reloaded = Phase.objects.get(pk=phase.pk)

    assert reloaded.headline_nl == "Spanningen verminderen"
    assert reloaded.headline_en == "Reducing tension"
    with translation.override("en"):
        assert reloaded.headline == "Reducing tension"
    with translation.override("nl"):
        assert reloaded.headline == "Spanningen verminderen"


def test_language_switch_keeps_the_query_string_but_canonical_links_do_not(client):
    path = PhaseFactory().get_absolute_url()

    response = client.get(f"{path}?contact=weinig")

    assertContains(response, f'href="/en{path}?contact=weinig" hreflang="en"')
    assertContains(response, f'<link rel="canonical" href="http://testserver{path}">')
