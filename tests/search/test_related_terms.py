"""Everyday words: a search also finds the examples that use related words (search.RelatedTerm).

The per-word tests load the shipped list of related words (fixtures/search.json) and build their
own examples, whose text uses a related word and never the searched one; a control example that
fits no word must never be found. They run on SQLite and on PostgreSQL (CI runs both).
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from examples import fulltext
from pagecache import version as content_version
from search.models import RelatedTerm
from tests.factories import (
    DividingLineFactory,
    PracticeExampleFactory,
    RelatedTermFactory,
    SettingFactory,
)
from tests.html import select

pytestmark = pytest.mark.django_db

LIST = reverse("examples:list")
CONTROL = "Schaakclub De Toren"

# (search word, example name, its Dutch description, the setting it takes place in)
EVERYDAY_WORDS = [
    (
        "hangjongeren",
        "Plein Praat",
        "Jongeren op het plein en oudere bewoners praten samen over wat hen stoort.",
        None,
    ),
    (
        "overlast",
        "Avondgesprek",
        "Oudere bewoners ergerden zich aan het geluid 's avonds; een buurtbemiddelaar bracht "
        "hen met de jongeren aan tafel.",
        None,
    ),
    ("plein", "Lange Tafel", "Een maaltijd aan lange tafels voor iedereen.", "Straat"),
    ("straat", "Stoeltjes Buiten", "Bewoners zetten stoelen buiten en drinken koffie.", "Straat"),
    ("moskee", "Open Thee", "Open dag in het gebedshuis: buren drinken thee met de imam.", None),
    ("nieuwkomers", "Samen Koken", "Statushouders en gevestigde bewoners koken samen.", None),
    ("azc", "Sport Samen", "Vrijwilligers uit het dorp sporten wekelijks met asielzoekers.", None),
    (
        "buurtfeest",
        "Speelveld Schoon",
        "Op burendag ruimen buren samen het speelveld op en eten ze daarna samen.",
        None,
    ),
]


@pytest.fixture
def related_words():
    call_command("loaddata", "search", verbosity=0)


@pytest.fixture
def control():
    return PracticeExampleFactory(
        name=CONTROL,
        organisation="Schaakbond",
        place="Zwolle",
        description_nl="Elke dinsdag schaken in de bibliotheek.",
        description_en="Chess in the library every Tuesday.",
    )


@pytest.mark.parametrize(
    ("word", "name", "description", "setting"),
    EVERYDAY_WORDS,
    ids=[word for word, *_ in EVERYDAY_WORDS],
)
def test_an_everyday_word_finds_an_example_that_uses_a_related_word(
    client, related_words, control, word, name, description, setting
):
    settings = [SettingFactory(name_nl=setting, name_en="Street")] if setting else []
    PracticeExampleFactory(
        name=name, place="Utrecht", description_nl=description, settings=settings
    )
    assert word not in description.lower()

    response = client.get(LIST, {"q": word})

    assertContains(response, name)
    assertNotContains(response, CONTROL)


def test_without_the_related_words_the_everyday_word_finds_nothing(client, control):
    PracticeExampleFactory(name="Plein Praat", description_nl="Jongeren op het plein.")

    assertNotContains(client.get(LIST, {"q": "hangjongeren"}), "Plein Praat")


def test_the_english_list_uses_the_english_related_words(client, related_words, control):
    PracticeExampleFactory(
        name="Square Talk",
        description_nl="Een gesprek op het plein.",
        description_en="Young people on the square talk with older residents.",
    )

    response = client.get("/en" + LIST, {"q": "youths"})

    assertContains(response, "Square Talk")
    assertNotContains(response, CONTROL)


def test_an_excluded_word_excludes_only_itself(client, related_words):
    PracticeExampleFactory(name="Jongerenavond", description_nl="Een avond voor jongeren.")

    response = client.get(LIST, {"q": "avond -hangjongeren"})

    assertContains(response, "Jongerenavond")


def test_the_site_search_uses_the_related_words_too(client, related_words, control):
    PracticeExampleFactory(name="Open Thee", description_nl="Thee drinken in het gebedshuis.")

    response = client.get(reverse("search:search"), {"q": "moskee"})

    assertContains(response, "Open Thee")
    assertNotContains(response, CONTROL)


@pytest.mark.parametrize(
    ("word", "factory_kwargs"),
    [
        ("sportclub", {"settings": "Sportclub"}),
        ("nieuwkomers", {"dividing_lines": "Nieuwkomers en gevestigde bewoners"}),
        ("Deventer", {"place": "Deventer"}),
    ],
)
def test_the_setting_target_group_and_place_are_searchable(client, control, word, factory_kwargs):
    kwargs = dict(factory_kwargs)
    if "settings" in kwargs:
        kwargs["settings"] = [SettingFactory(name_nl=kwargs["settings"])]
    if "dividing_lines" in kwargs:
        kwargs["dividing_lines"] = [DividingLineFactory(name_nl=kwargs["dividing_lines"])]
    PracticeExampleFactory(name="Gevonden", description_nl="Samen iets doen.", **kwargs)

    response = client.get(LIST, {"q": word})

    assertContains(response, "Gevonden")
    assertNotContains(response, CONTROL)


def test_renaming_a_setting_makes_its_examples_findable_by_the_new_name(client, control):
    setting = SettingFactory(name_nl="Buurthuis")
    PracticeExampleFactory(name="Gevonden", description_nl="Samen iets doen.", settings=[setting])

    setting.name_nl = "Speeltuin"
    setting.save()

    assertContains(client.get(LIST, {"q": "speeltuin"}), "Gevonden")


def test_editing_the_related_words_bumps_the_content_version_and_changes_the_cached_page(client):
    PracticeExampleFactory(name="Plein Praat", description_nl="Jongeren op het plein.")
    before = client.get(LIST, {"q": "hangjongeren"})
    version = content_version.current()

    RelatedTermFactory(word_nl="hangjongeren", related_nl="jongeren")

    assert content_version.current() != version
    assertNotContains(before, "Plein Praat")
    assertContains(client.get(LIST, {"q": "hangjongeren"}), "Plein Praat")


def test_the_related_words_are_kept_in_lower_case_without_doubles():
    term = RelatedTerm(word_nl=" Hangjongeren ", related_nl="Jongeren, overlast,, jongeren ;Plein")

    term.full_clean()

    assert term.word_nl == "hangjongeren"
    assert term.related_nl == "jongeren, overlast, plein"


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"word_nl": "plein", "related_nl": ""}, "related_nl"),
        (
            {"word_nl": "plein", "related_nl": ", ".join(f"woord{n}" for n in range(13))},
            "related_nl",
        ),
        ({"word_nl": "plein", "related_nl": "x" * 61}, "related_nl"),
        ({"word_nl": "plein", "related_nl": "plein, straat"}, "related_nl"),
        ({"word_nl": "x" * 61, "related_nl": "straat"}, "word_nl"),
        ({"word_nl": "plein", "related_nl": "straat", "related_en": "street"}, "word_en"),
    ],
    ids=["no words", "too many", "too long", "itself", "word too long", "english without word"],
)
def test_a_related_words_list_that_makes_no_sense_is_refused(fields, field_in_error):
    with pytest.raises(ValidationError) as error:
        RelatedTerm(**fields).full_clean()

    assert field_in_error in error.value.message_dict


def test_a_search_word_has_one_list_per_language():
    RelatedTermFactory(word_nl="plein", word_en="square")

    with pytest.raises(ValidationError) as error:
        RelatedTerm(
            word_nl="plaats", related_nl="plein", word_en="square", related_en="place"
        ).full_clean()

    assert "word_en" in error.value.message_dict


def test_the_shipped_list_relates_the_words_visitors_type(related_words):
    words = dict(RelatedTerm.objects.values_list("word_nl", "related_nl"))

    assert "jongeren" in words["hangjongeren"]
    assert "openbare ruimte" in words["plein"]
    assert "statushouders" in words["nieuwkomers"]
    assert "burendag" in words["buurtfeest"]
    assert "gebedshuis" in words["moskee"]
    for term in RelatedTerm.objects.all():
        term.full_clean()
        assert term.word_en, f"{term.word_nl} has no English word"
        assert term.related_en, f"{term.word_nl} has no English related words"


def test_an_editor_edits_the_related_words_in_the_admin(admin_client):
    term = RelatedTermFactory(word_nl="plein", related_nl="straat")
    url = reverse("admin:search_relatedterm_change", args=[term.pk])

    response = admin_client.get(url)

    assertContains(response, "Verwante woorden [nl]")
    assert (
        admin_client.get(reverse("admin:search_relatedterm_history", args=[term.pk])).status_code
        == 200
    )


@pytest.mark.skipif(not fulltext.is_postgresql(), reason="ranking needs PostgreSQL")
def test_an_example_with_the_typed_word_ranks_before_one_found_through_a_related_word(
    client, related_words
):
    PracticeExampleFactory(name="Aan het plein", description_nl="Jongeren en buren praten.")
    PracticeExampleFactory(name="Zo gaat het", description_nl="Hangjongeren en buren praten.")

    response = client.get(LIST, {"q": "hangjongeren"})

    names = [card.text.strip() for card in select(response, ".example-card__name")]
    assert names == ["Zo gaat het", "Aan het plein"]
