import datetime
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from examples.models import PracticeExample
from tests.factories import (
    ActivityTypeFactory,
    DividingLineFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    SettingFactory,
)
from tests.html import select_one

pytestmark = pytest.mark.django_db

LIST = "/voorbeelden/"
RESULTS = "/voorbeelden/resultaten/"


def _names(response):
    """The names on the example cards, in order."""
    results = response.content.decode().split('id="example-results"', 1)[1]
    return re.findall(r'class="example-card__name"><a href="[^"]+">([^<]+)</a>', results)


def _count(response, facet, value):
    match = re.search(rf'id="count-f-{facet}-{value}"[^>]*>(\d+)', response.content.decode())
    return int(match.group(1))


@pytest.fixture
def matrix():
    """Two phases, two activity types, three guidances and examples spread over them."""
    rust = PhaseFactory(slug="in-rust", name_nl="Rust", position=1, colour="green")
    ongemak = PhaseFactory(slug="bij-ongemak", name_nl="Ongemak", position=2, colour="yellow")
    dialoog = ActivityTypeFactory(slug="dialoog", name_nl="Dialoog")
    helpen = ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen")
    rust_dialoog = GuidanceFactory(phase=rust, activity_type=dialoog)
    rust_helpen = GuidanceFactory(phase=rust, activity_type=helpen)
    ongemak_dialoog = GuidanceFactory(phase=ongemak, activity_type=dialoog)
    jong_oud = DividingLineFactory(slug="jong-oud", name_nl="Jong en oud")
    school = SettingFactory(slug="school", name_nl="School")
    examples = {
        "a": PracticeExampleFactory(
            name="Alfa", guidances=[rust_dialoog], dividing_lines=[jong_oud]
        ),
        "b": PracticeExampleFactory(name="Bravo", guidances=[rust_helpen, ongemak_dialoog]),
        "c": PracticeExampleFactory(
            name="Charlie", guidances=[ongemak_dialoog], settings=[school], origin="lokaal"
        ),
        "draft": PracticeExampleFactory(name="Delta", guidances=[rust_dialoog], draft=True),
    }
    return examples


def test_the_list_shows_every_published_example_as_a_card_and_no_drafts(client, matrix):
    response = client.get(LIST)

    assert response.status_code == 200
    assert _names(response) == ["Alfa", "Bravo", "Charlie"]


def test_the_card_names_phase_activity_type_organisation_and_place(client, matrix):
    response = client.get(LIST)

    card = response.content.decode().split('id="card-bravo"', 1)[1].split("</article>", 1)[0]
    text = " ".join(strip_tags(card).split())
    assert "Stichting Buurt · Utrecht" in text
    assert "Rust" in text
    assert "Ongemak" in text
    assert "Elkaar helpen · Dialoog" in text or "Dialoog · Elkaar helpen" in text


def test_phase_and_activity_type_must_hold_for_the_same_guidance(client, matrix):
    # Bravo is Dialoog in Ongemak and Elkaar helpen in Rust: not Dialoog in Rust.
    response = client.get(LIST, {"fase": "in-rust", "activiteit": "dialoog"})

    assert _names(response) == ["Alfa"]


def test_choices_within_a_filter_add_up_and_filters_narrow_each_other(client, matrix):
    both_phases = client.get(LIST, {"fase": ["in-rust", "bij-ongemak"]})
    narrowed = client.get(LIST, {"fase": ["in-rust", "bij-ongemak"], "omgeving": "school"})

    assert _names(both_phases) == ["Alfa", "Bravo", "Charlie"]
    assert _names(narrowed) == ["Charlie"]


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"groep": "jong-oud"}, ["Alfa"]),
        ({"omgeving": "school"}, ["Charlie"]),
        ({"soort": "lokaal"}, ["Charlie"]),
        ({"soort": "redactie"}, ["Alfa", "Bravo"]),
    ],
)
def test_each_filter_narrows_the_list(client, matrix, params, names):
    assert _names(client.get(LIST, params)) == names


def test_each_choice_shows_how_many_examples_it_would_leave(client, matrix):
    response = client.get(LIST, {"activiteit": "dialoog"})

    # With Dialoog ticked: Rust leaves Alfa; Ongemak leaves Bravo and Charlie.
    assert _count(response, "fase", "in-rust") == 1
    assert _count(response, "fase", "bij-ongemak") == 2
    # Counts within the ticked filter ignore its own choice: ticking Rust as well adds Alfa
    # and Bravo to Ongemak's two, it does not narrow them.
    assert _count(response, "activiteit", "elkaar-helpen") == 1
    with_ongemak = client.get(LIST, {"fase": "bij-ongemak"})
    assert _count(with_ongemak, "fase", "in-rust") == 2
    assert _count(response, "groep", "jong-oud") == 1


def test_a_choice_that_leaves_nothing_is_marked_as_such(client, matrix):
    response = client.get(LIST, {"omgeving": "school"})

    assert _count(response, "groep", "jong-oud") == 0
    assertContains(response, 'class="facet__count facet__count--none" id="count-f-groep-jong-oud"')


def test_free_text_search_finds_words_in_name_organisation_place_and_description(client, matrix):
    PracticeExampleFactory(name="Echo", place="Zwolle", description_nl="Samen koken met buren.")

    assert _names(client.get(LIST, {"q": "zwolle"})) == ["Echo"]
    assert _names(client.get(LIST, {"q": "koken"})) == ["Echo"]
    assert _names(client.get(LIST, {"q": "Charl"})) == ["Charlie"]


def test_search_also_finds_the_guidance_an_example_illustrates(client, matrix):
    assert _names(client.get(LIST, {"q": "helpen"})) == ["Bravo"]


def test_a_minus_word_excludes_examples_with_that_word(client, matrix):
    PracticeExampleFactory(name="Buurtfeest met barbecue", description_nl="Een buurtfeest.")
    PracticeExampleFactory(name="Buurtfeest in het park", description_nl="Een buurtfeest.")

    names = _names(client.get(LIST, {"q": "buurtfeest -barbecue"}))

    assert names == ["Buurtfeest in het park"]


def test_the_live_status_announces_the_number_of_examples(client, matrix):
    response = client.get(LIST, {"fase": "bij-ongemak"})

    assertContains(
        response, '<p id="example-count" class="example-count" role="status">2 voorbeelden'
    )


def test_the_filter_state_is_kept_in_the_form_so_a_shared_link_restores_it(client, matrix):
    response = client.get(LIST, {"fase": "in-rust", "q": "alfa"})

    assertContains(response, 'value="in-rust" id="f-fase-in-rust" checked')
    assertContains(response, 'name="q" id="id_q" value="alfa"')
    assertNotContains(response, 'id="f-fase-bij-ongemak" checked')


def test_without_javascript_the_filters_are_a_get_form_with_a_submit_button(client, matrix):
    response = client.get(LIST)

    form = response.content.decode().split('id="example-filters"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form
    assert 'type="submit"' in form
    assert 'data-hx-trigger="input delay:400ms, submit"' in form


def test_the_results_address_without_htmx_sends_the_visitor_to_the_list(client, matrix):
    response = client.get(RESULTS + "?q=tuin&fase=in-rust")

    assertRedirects(response, LIST + "?q=tuin&fase=in-rust", fetch_redirect_response=False)


def test_the_results_address_in_english_sends_the_visitor_to_the_english_list(client, matrix):
    response = client.get("/en" + RESULTS + "?q=tuin")

    assertRedirects(response, "/en" + LIST + "?q=tuin", fetch_redirect_response=False)


def test_the_results_put_the_lists_own_address_in_the_address_bar(client, matrix):
    response = client.get(RESULTS, {"q": "tuin"}, headers={"HX-Request": "true"})

    assert response["HX-Push-Url"] == LIST + "?q=tuin"
    switcher = select_one(response, "#language-switcher")
    assert [a["href"] for a in switcher.select("a")] == [LIST + "?q=tuin", "/en" + LIST + "?q=tuin"]


def test_htmx_from_the_filter_form_gets_the_results_the_count_and_the_filter_counts(client, matrix):
    response = client.get(RESULTS, {"fase": "bij-ongemak"}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert "<html" not in body
    assert 'id="example-filters"' not in body  # the form being typed in is left alone
    assert '<p id="example-count" data-hx-swap-oob="innerHTML">2 voorbeelden' in body
    assert 'id="count-f-fase-in-rust" data-hx-swap-oob="true"' in body
    assert "<title>" in body
    assert "HX-Request" in response["Vary"]


def test_a_full_request_gets_the_whole_page_and_varies_on_htmx(client, matrix):
    response = client.get(LIST)

    assertContains(response, "<html")
    assert "HX-Request" in response["Vary"]


def test_the_list_is_paginated_with_the_page_in_the_address(client):
    for number in range(15):
        PracticeExampleFactory(name=f"Voorbeeld {number:02}")

    first = client.get(LIST, {"q": "voorbeeld"})
    second = client.get(LIST, {"q": "voorbeeld", "pagina": "2"})

    assert len(_names(first)) == 12
    assert _names(second) == ["Voorbeeld 12", "Voorbeeld 13", "Voorbeeld 14"]
    assertContains(first, 'href="/voorbeelden/?q=voorbeeld&amp;pagina=2"')


@pytest.mark.parametrize(
    "query",
    [
        {"fase": "bestaat-niet"},
        {"activiteit": "<script>"},
        {"pagina": "99999999999999999999999"},
        {"pagina": "-1"},
        {"pagina": "abc"},
        {"soort": "alles"},
        {"onbekend": "x"},
    ],
)
def test_unknown_filter_values_are_ignored(client, matrix, query):
    response = client.get(LIST, query)

    assert response.status_code == 200
    assert _names(response)


@pytest.mark.parametrize(
    "query",
    [
        {"q": "x" * 201},
        {"q": ["tuin", "feest"]},
        {"pagina": ["1", "2"]},
        {"fase": ["in-rust"] * 21},
    ],
)
def test_huge_or_repeated_parameters_get_a_styled_400(client, matrix, query):
    response = client.get(LIST, query)

    assert response.status_code == 400
    assertContains(response, 'class="error-summary"', status_code=400)


def test_filters_and_search_stay_within_a_fixed_query_budget_at_1000_examples(
    client, matrix, django_assert_max_num_queries
):
    guidances = list(matrix["a"].guidances.all()) + list(matrix["b"].guidances.all())
    rows = PracticeExample.objects.bulk_create(
        PracticeExample(
            slug=f"bulk-{n}", name=f"Bulk {n}", description_nl="Samen tuinieren.", is_published=True
        )
        for n in range(1000)
    )
    PracticeExample.guidances.through.objects.bulk_create(
        PracticeExample.guidances.through(practiceexample=row, guidance=guidances[n % 3])
        for n, row in enumerate(rows)
    )

    # 14, plus one for the search words' related words, plus (only when nothing is found, as
    # here) the counts of the nearest searches: one per filter in use and two.
    with django_assert_max_num_queries(19):
        response = client.get(
            LIST, {"q": "tuinieren", "fase": "in-rust", "groep": "jong-oud", "pagina": "3"}
        )
    with django_assert_max_num_queries(15):
        client.get(RESULTS, {"q": "tuinieren"}, headers={"HX-Request": "true"})

    assert response.status_code == 200


def test_list_and_detail_pages_set_no_cookies(client, matrix):
    assert not client.get(LIST).cookies
    assert not client.get(matrix["a"].get_absolute_url()).cookies


def test_english_list_is_under_en(client, matrix):
    response = client.get("/en" + LIST)

    assertContains(response, '<html lang="en">')
    assertContains(response, "3 examples")


def test_the_detail_page_shows_everything_known_and_the_guidance_it_illustrates(client, matrix):
    example = matrix["b"]
    example.province = "utrecht"
    example.save()

    response = client.get(reverse("examples:detail", kwargs={"slug": example.slug}))

    assertContains(
        response,
        '<h1 class="nl-heading nl-heading--level-1" id="page-heading">Bravo</h1>',
        html=False,
    )
    assertContains(response, "Utrecht (Utrecht)")
    assertContains(response, 'href="https://www.example.org/project"')
    for guidance in example.guidances.all():
        assertContains(response, guidance.get_absolute_url())


def _facts(response):
    return response.content.decode().split('id="facts-heading"', 1)[1].split("</section>", 1)[0]


def test_the_detail_page_leaves_out_what_is_not_known(client):
    example = PracticeExampleFactory(organisation="", place="", website="")

    facts = _facts(client.get(example.get_absolute_url()))

    for placeholder in ("Niet bekend", "Nog niet", "Loopt het nog?", "Laatst gecontroleerd"):
        assert placeholder not in facts
    assert "<dt>Website</dt>" not in facts


def test_the_detail_page_says_whether_it_runs_only_when_known_and_when_it_was_checked(client):
    running = PracticeExampleFactory(is_running=True, checked_on=datetime.date(2026, 10, 3))
    ended = PracticeExampleFactory(is_running=False)
    checked = PracticeExampleFactory(checked_on=datetime.date(2026, 9, 1))

    running_facts = _facts(client.get(running.get_absolute_url()))
    ended_facts = _facts(client.get(ended.get_absolute_url()))
    checked_facts = _facts(client.get(checked.get_absolute_url()))

    assert "Ja, het loopt nog" in running_facts
    assert '<time datetime="2026-10-03">3 oktober 2026</time>' in running_facts
    assert "Nee, het is afgerond" in ended_facts
    assert "gecontroleerd op" not in ended_facts
    assert "Loopt het nog?" not in checked_facts
    assert '<time datetime="2026-09-01">1 september 2026</time>' in checked_facts


def test_the_detail_page_names_the_source_and_the_date_it_was_read(client):
    example = PracticeExampleFactory(
        source_url="https://www.movisie.nl/praktijkvoorbeeld/koppelwerk",
        checked_on=datetime.date(2026, 12, 1),
        year=2009,
    )

    response = client.get(example.get_absolute_url())
    english = client.get("/en" + example.get_absolute_url())

    source = select_one(response, ".example-source")
    assert " ".join(source.get_text().split()) == "Bron: movisie.nl, gelezen op 1 december 2026"
    assert source.select("a")[0]["href"] == example.source_url
    assert "Source: movisie.nl, read on 1 December 2026" in " ".join(
        select_one(english, ".example-source").get_text().split()
    )
    assertContains(response, "<dt>Jaar</dt><dd>2009</dd>", html=True)


def test_the_detail_page_shows_no_source_or_year_it_does_not_have(client):
    example = PracticeExampleFactory(source_url="", year=None, checked_on=None)
    with_source_only = PracticeExampleFactory(source_url="https://www.kis.nl/artikel")

    response = client.get(example.get_absolute_url())

    assertNotContains(response, "example-source")
    assertNotContains(response, "Bron:")
    assertNotContains(response, "<dt>Jaar</dt>", html=True)
    source = select_one(client.get(with_source_only.get_absolute_url()), ".example-source")
    assert " ".join(source.get_text().split()) == "Bron: kis.nl"


def test_the_detail_page_has_its_own_canonical_and_open_graph_title(client, matrix):
    response = client.get(matrix["a"].get_absolute_url())

    assertContains(response, '<link rel="canonical" href="http://testserver/voorbeelden/alfa/">')
    assertContains(response, '<meta property="og:title" content="Alfa (Utrecht)">')


def test_a_draft_example_has_no_page(client, matrix):
    assert client.get(reverse("examples:detail", kwargs={"slug": "delta"})).status_code == 404


def test_the_guidance_page_links_to_the_examples_own_page(client, matrix):
    guidance = matrix["a"].guidances.get()

    response = client.get(guidance.get_absolute_url())

    assertContains(response, 'href="/voorbeelden/alfa/"')


def test_a_local_example_carries_its_badge_and_date(client):
    import datetime

    example = PracticeExampleFactory(origin="lokaal", shared_on=datetime.date(2026, 11, 20))

    response = client.get(example.get_absolute_url())

    assertContains(response, "Lokaal voorbeeld")
    assertContains(response, '<time datetime="2026-11-20">20 november 2026</time>')


def test_published_examples_and_the_list_are_in_the_sitemap_and_drafts_are_not(client, matrix):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/voorbeelden/" in sitemap
    assert "http://testserver/voorbeelden/alfa/" in sitemap
    assert "http://testserver/en/voorbeelden/alfa/" in sitemap
    assert "/voorbeelden/delta/" not in sitemap
