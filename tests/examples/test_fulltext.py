"""Searching examples: Dutch and English stemming on PostgreSQL, words on SQLite."""

import pytest
from django.db import connection
from django.utils import translation

from examples import fulltext
from examples.models import PracticeExample
from tests.factories import ActivityTypeFactory, GuidanceFactory, PracticeExampleFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming needs PostgreSQL's text search; SQLite uses the word fallback.",
)


def _found(query, language="nl"):
    with translation.override(language):
        return sorted(e.name for e in fulltext.matching(PracticeExample.objects.published(), query))


@postgresql_only
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Een route voor fietsers door de wijk.", "fietser"),
        ("Een les voor de fietser.", "fietsers"),
        ("Samen werken in de tuinen.", "tuin"),
        ("Samen werken in de tuin.", "tuinen"),
    ],
)
def test_dutch_stemming_finds_other_forms_of_a_word(text, query):
    PracticeExampleFactory(name="Gevonden", description_nl=text)
    PracticeExampleFactory(name="Anders", description_nl="Een kookclub.")

    assert _found(query) == ["Gevonden"]


@postgresql_only
def test_english_pages_search_the_english_text_with_english_stemming():
    PracticeExampleFactory(
        name="Gevonden", description_nl="Samen tuinieren.", description_en="Shared gardens."
    )

    assert _found("garden", "en") == ["Gevonden"]
    assert _found("tuinieren", "en") == []


@postgresql_only
def test_websearch_syntax_excludes_a_minus_word_and_ranks_the_name_first():
    PracticeExampleFactory(name="Buurtfeest", description_nl="Met een barbecue.")
    PracticeExampleFactory(name="Zomer", description_nl="Een buurtfeest in het park.")
    PracticeExampleFactory(name="Winter", description_nl="Een buurtfeest in de zaal.")

    assert _found("buurtfeest -barbecue") == ["Winter", "Zomer"]
    ranked = fulltext.ranked(
        fulltext.matching(PracticeExample.objects.all(), "buurtfeest"), "buurtfeest"
    )
    assert ranked[0].name == "Buurtfeest"


@postgresql_only
def test_the_stored_vector_follows_edits_and_guidance_links():
    example = PracticeExampleFactory(name="Project", description_nl="Iets.")
    assert _found("kookclub") == []

    example.description_nl = "Een kookclub."
    example.save()
    assert _found("kookclub") == ["Project"]

    example.guidances.add(GuidanceFactory(activity_type=ActivityTypeFactory(name_nl="Dialoog")))
    assert _found("dialoog") == ["Project"]


def test_the_word_fallback_needs_every_word_and_honours_a_minus():
    PracticeExampleFactory(name="Tuin", description_nl="Samen tuinieren met buren.")
    PracticeExampleFactory(name="Kook", description_nl="Samen koken met buren.")

    assert _found("samen buren") == ["Kook", "Tuin"]
    assert _found("samen -koken") == ["Tuin"]
    assert _found('"samen koken"') == ["Kook"]


def test_split_words_keeps_phrases_and_minus_words_and_caps_the_number():
    assert fulltext.split_words('tuin -barbecue "levende boeken"') == [
        ("tuin", False),
        ("barbecue", True),
        ("levende boeken", False),
    ]
    assert len(fulltext.split_words(" ".join(["w"] * 50))) == fulltext.MAX_WORDS
