"""The example finder tells only what is true, helps out of an empty list, previews drafts for
editors, marks Dutch fallback text on English pages and names hosts in punycode."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from examples import moderation
from examples.models import ExampleSubmission
from pagecache.pages import clear_local
from tests.factories import (
    ActivityTypeFactory,
    ExampleSubmissionFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    SettingFactory,
)
from tests.html import select, select_one

pytestmark = pytest.mark.django_db

LIST = reverse("examples:list")
PLACEHOLDERS = ["Nog niet gecontroleerd", "Nog niet", "Niet bekend", "Laatst gecontroleerd"]
EN_PLACEHOLDERS = ["Not checked yet", "Not yet", "Not known", "Last checked"]


# Everything shown is true or absent


def test_no_public_example_page_shows_a_placeholder_status(client):
    guidance = GuidanceFactory()
    bare = PracticeExampleFactory(
        organisation="", place="", website="", guidances=[guidance], is_running=None
    )
    pages = [bare.get_absolute_url(), LIST, guidance.get_absolute_url(), "/zoeken/?q=voorbeeld"]

    for path in pages:
        assertNotContains(client.get(path), "Nog niet")
        assertNotContains(client.get(path), "Niet bekend")
        english = client.get("/en" + path).content.decode()
        for placeholder in EN_PLACEHOLDERS:
            assert placeholder not in english, f"/en{path} shows {placeholder!r}"


def test_a_known_status_is_shown_with_its_date(client):
    example = PracticeExampleFactory(is_running=False)

    response = client.get("/en" + example.get_absolute_url())

    assertContains(response, "No, it has ended")
    assertNotContains(response, "checked on")


# Draft preview


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_practiceexample"))
    client.force_login(user)
    return client


def test_an_editor_previews_a_draft_example_with_the_concept_banner_never_cached(editor_client):
    draft = PracticeExampleFactory(name="Conceptvoorbeeld", draft=True)

    response = editor_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Concept" in select_one(response, ".draft-banner").text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_published_example_has_no_banner_for_the_editor(editor_client):
    example = PracticeExampleFactory()

    assert select(editor_client.get(example.get_absolute_url()), ".draft-banner") == []


def test_a_draft_example_is_a_404_for_everyone_else(client, django_user_model):
    draft = PracticeExampleFactory(draft=True)

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(django_user_model.objects.create_user("kijker", is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_preview_does_not_leak_into_the_public_cache(editor_client, client):
    draft = PracticeExampleFactory(draft=True)
    editor_client.get(draft.get_absolute_url())
    editor_client.logout()

    assert client.get(draft.get_absolute_url(), HTTP_COOKIE="").status_code == 404


# Empty lists: the nearest searches that find something


def test_a_search_that_finds_nothing_offers_the_nearest_searches_with_counts(client):
    street = SettingFactory(slug="straat", name_nl="Straat")
    school = SettingFactory(slug="school", name_nl="School")
    phase = PhaseFactory(slug="in-rust")
    guidance = GuidanceFactory(phase=phase)
    PracticeExampleFactory(name="Tuin A", description_nl="Een moestuin.", settings=[school])
    PracticeExampleFactory(name="Straat B", settings=[street], guidances=[guidance])
    PracticeExampleFactory(name="Straat C", settings=[street])

    response = client.get(LIST, {"q": "moestuin", "omgeving": "straat", "fase": "in-rust"})

    assertContains(response, "0 voorbeelden")
    items = [re.sub(r"\s+", " ", li.text).strip() for li in select(response, ".suggestions li")]
    assert items == [
        "Dezelfde filters zonder de zoekwoorden (1 voorbeeld)",
        "“moestuin” zonder filters (1 voorbeeld)",
    ]
    links = [a["href"] for a in select(response, ".suggestions a")]
    assert links == [f"{LIST}?fase=in-rust&omgeving=straat", f"{LIST}?q=moestuin"]
    assertContains(response, reverse("examples:submit"))


def test_dropping_one_filter_is_offered_when_it_finds_something(client):
    street = SettingFactory(slug="straat", name_nl="Straat")
    guidance = GuidanceFactory(phase=PhaseFactory(slug="in-rust"))
    PracticeExampleFactory(name="Straat B", settings=[street])
    PracticeExampleFactory(name="Rust C", guidances=[guidance])

    response = client.get(LIST, {"omgeving": "straat", "fase": "in-rust"})

    items = [re.sub(r"\s+", " ", li.text).strip() for li in select(response, ".suggestions li")]
    assert items == [
        "Zonder het filter “Fase” (1 voorbeeld)",
        "Zonder het filter “Omgeving” (1 voorbeeld)",
        "Alle voorbeelden (2 voorbeelden)",
    ]


def test_a_list_with_results_offers_no_suggestions(client):
    PracticeExampleFactory(description_nl="Een moestuin.")

    assert select(client.get(LIST, {"q": "moestuin"}), ".suggestions") == []


def test_the_htmx_results_carry_the_suggestions_and_the_active_filter_count(client):
    SettingFactory(slug="straat", name_nl="Straat")
    PracticeExampleFactory(description_nl="Een moestuin.")

    response = client.get(
        reverse("examples:results"),
        {"q": "moestuin", "omgeving": "straat"},
        headers={"HX-Request": "true"},
    )

    assertContains(response, 'class="suggestions"')
    assertContains(
        response, '<span id="active-filters" data-hx-swap-oob="innerHTML">(1 actief)</span>'
    )


# Results first on a phone: the filters fold into a <details>


def test_the_filters_fold_into_a_details_control_that_counts_the_active_filters(client):
    SettingFactory(slug="straat", name_nl="Straat")
    SettingFactory(slug="school", name_nl="School")

    response = client.get(LIST, {"omgeving": ["straat", "school"]})

    details = select_one(response, "form#example-filters details.filter-panel")
    assert details.has_attr("open") is False  # the CSS opens it on wide screens
    summary = details.find("summary")
    assert re.sub(r"\s+", " ", summary.text).strip() == "Filter (2 actief)"
    assert details.find("input", attrs={"name": "omgeving", "value": "straat"})
    # The search box and its button stay outside the fold.
    assert select_one(response, "form#example-filters > .search-field input[name=q]")


def test_without_filters_the_toggle_says_just_filter(client):
    response = client.get(LIST)

    assert select_one(response, "summary.filter-panel__toggle").text.strip() == "Filter"


# Dutch fallback text on English pages


def test_an_english_page_marks_dutch_fallback_text_as_dutch(client):
    example = PracticeExampleFactory(
        name="Buurtkeuken",
        description_nl="Samen koken in het buurthuis.",
        description_en="",
        what_worked_nl="Vaste avond.",
        what_worked_en="A fixed evening.",
    )

    detail = client.get("/en" + example.get_absolute_url())
    cards = client.get("/en" + LIST)

    assertContains(detail, '<div lang="nl"><p>Samen koken in het buurthuis.</p></div>', html=True)
    assertContains(detail, "<div><p>A fixed evening.</p></div>", html=True)
    card_text = select_one(cards, ".example-card__text")
    assert card_text["lang"] == "nl"


def test_english_text_and_dutch_pages_get_no_language_mark(client):
    example = PracticeExampleFactory(description_nl="Samen koken.", description_en="Cooking.")

    for path in ("/en" + example.get_absolute_url(), example.get_absolute_url(), LIST):
        assert select(client.get(path), '.prose [lang="nl"], .example-card__text[lang]') == []


def test_an_approved_dutch_submission_shows_its_dutch_text_marked_on_the_english_page(client):
    guidance = GuidanceFactory()
    submission = ExampleSubmissionFactory(
        phases=[guidance.phase], activity_types=[guidance.activity_type]
    )

    example = moderation.approve(submission)

    assert moderation.missing_english(example) == ["description", "what_worked"]
    response = client.get("/en" + example.get_absolute_url())
    assertContains(response, f'<div lang="nl"><p>{submission.description}</p></div>', html=True)


def test_an_example_shared_in_english_is_marked_english_on_the_dutch_pages(client):
    guidance = GuidanceFactory()
    submission = ExampleSubmissionFactory(
        language="en",
        description="Every month new and old neighbours cook together.",
        what_worked="Shopping together first.",
        phases=[guidance.phase],
        activity_types=[guidance.activity_type],
    )
    example = moderation.approve(submission)
    assert example.written_in == "en"

    dutch = client.get(example.get_absolute_url())
    english = client.get("/en" + example.get_absolute_url())

    assertContains(dutch, f'<div lang="en"><p>{submission.description}</p></div>', html=True)
    assertContains(dutch, f'<div lang="en"><p>{submission.what_worked}</p></div>', html=True)
    assert select(english, ".prose [lang]") == []
    card = select_one(client.get(LIST), ".example-card__text")
    assert card["lang"] == "en"

    # Once an editor writes the Dutch text, that text is Dutch; what is not translated stays marked.
    example.description_nl = "Elke maand koken nieuwe en oude buren samen."
    example.save()
    dutch = client.get(example.get_absolute_url())
    assertContains(
        dutch, "<div><p>Elke maand koken nieuwe en oude buren samen.</p></div>", html=True
    )
    assertContains(dutch, f'<div lang="en"><p>{submission.what_worked}</p></div>', html=True)


def test_approving_in_the_admin_asks_for_the_english_text(admin_client):
    submission = ExampleSubmissionFactory(
        phases=[PhaseFactory()], activity_types=[ActivityTypeFactory()]
    )
    url = reverse("admin:examples_examplesubmission_change", args=[submission.pk])
    data = {
        name: value
        for name, value in {
            "name": submission.name,
            "place": submission.place,
            "province": submission.province,
            "description": submission.description,
            "what_worked": submission.what_worked,
            "email": submission.email,
            "phases": [p.pk for p in submission.phases.all()],
            "activity_types": [a.pk for a in submission.activity_types.all()],
        }.items()
    }

    assertContains(admin_client.get(url), "Goedkeuren publiceert het voorbeeld meteen")
    response = admin_client.post(url, {**data, "_approve": "1"}, follow=True)

    submission.refresh_from_db()
    assert submission.status == ExampleSubmission.Status.APPROVED
    assertContains(response, "Er is nog geen Engelse tekst")
    assertContains(
        response,
        reverse("admin:examples_practiceexample_change", args=[submission.example_id]),
    )


# Look-alike hosts show in punycode


LOOK_ALIKE = "https://www.\u0430pple.com/buurt"  # a Cyrillic first letter


def test_a_look_alike_host_shows_in_punycode_to_readers(client):
    guidance = GuidanceFactory()
    example = PracticeExampleFactory(website=LOOK_ALIKE, guidances=[guidance])

    for path in (example.get_absolute_url(), guidance.get_absolute_url()):
        response = client.get(path)
        assertContains(response, "xn--pple-43d.com")
        assertNotContains(response, ">\u0430pple.com")


def test_a_look_alike_host_shows_in_punycode_to_editors(admin_client):
    example = PracticeExampleFactory(website=LOOK_ALIKE, contact_url="https://\u0430pple.com/c")
    submission = ExampleSubmissionFactory(website=LOOK_ALIKE)

    listed = admin_client.get(reverse("admin:examples_practiceexample_changelist"))
    changed = admin_client.get(reverse("admin:examples_practiceexample_change", args=[example.pk]))
    shared = admin_client.get(
        reverse("admin:examples_examplesubmission_change", args=[submission.pk])
    )

    assertContains(listed, "xn--pple-43d.com")
    assertContains(changed, "xn--pple-43d.com", count=2)
    assertContains(shared, "xn--pple-43d.com")


# The activity page: the best three examples and a link to all of them


def test_the_activity_page_shows_three_examples_best_first_and_links_to_all(
    client, django_assert_max_num_queries
):
    guidance = GuidanceFactory(
        phase__slug="bij-ongemak",
        phase__name_nl="Ongemak",
        activity_type__slug="dialoog",
        activity_type__name_nl="Dialoog",
    )
    for name in ("Anoniem 1", "Anoniem 2", "Anoniem 3"):
        PracticeExampleFactory(name=name, place="", guidances=[guidance])
    PracticeExampleFactory(name="Zwolse tafel", place="Zwolle", guidances=[guidance])
    PracticeExampleFactory(name="Verborgen", place="Ede", guidances=[guidance], draft=True)

    with django_assert_max_num_queries(20):
        response = client.get(guidance.get_absolute_url())

    names = [h.text.strip() for h in select(response, ".examples article h3")]
    assert names == ["Zwolse tafel", "Anoniem 1", "Anoniem 2"]
    more = select_one(response, ".examples__more a")
    assert re.sub(r"\s+", " ", more.text).strip() == "Alle 4 voorbeelden bij Dialoog (Ongemak)"
    assert more["href"] == f"{LIST}?fase=bij-ongemak&activiteit=dialoog"
    listed = client.get(more["href"])
    assert len(select(listed, ".example-card")) == 4


def _forget_pages():
    for cache in caches.all():
        cache.clear()
    clear_local()


def test_the_activity_page_keeps_its_query_count_with_many_examples(
    client, django_assert_max_num_queries
):
    guidance = GuidanceFactory()
    PracticeExampleFactory(guidances=[guidance])
    client.get(guidance.get_absolute_url())
    _forget_pages()
    with django_assert_max_num_queries(30) as few:
        client.get(guidance.get_absolute_url())
    for _ in range(40):
        PracticeExampleFactory(guidances=[guidance])
    _forget_pages()

    with django_assert_max_num_queries(len(few)):
        response = client.get(guidance.get_absolute_url())

    assert len(select(response, ".examples article")) == 3
