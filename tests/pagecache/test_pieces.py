"""Rendered pieces of pages ({% piece %}) are reused, never stale, and see only their values.

The page cache is off in these tests, so every request renders its page and only the pieces
can come from a cache.
"""

import pytest
from django.core.cache import caches
from django.db.models import Prefetch
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from pagecache import store
from pagecache.templatetags.pieces import Unkeyable, fingerprint
from tests.factories import (
    ActivityTypeFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    TipFactory,
)
from tests.html import select, select_one

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _pages_rendered_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.PIECE_CACHE_ENABLED = True


def stored_fragments():
    return len(store.PIECES._entries)


@pytest.fixture
def phase():
    return PhaseFactory(slug="in-rust")


@pytest.fixture
def helping(phase):
    return GuidanceFactory(
        phase=phase,
        activity_type=ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen"),
    )


@pytest.fixture
def meeting(phase):
    return GuidanceFactory(
        phase=phase, activity_type=ActivityTypeFactory(slug="ontmoeten", name_nl="Ontmoeten")
    )


def card_names(response, current=False):
    selector = ".activity-list .activity-card"
    if current:
        selector += '[aria-current="page"]'
    return [
        card.select_one(".activity-card__name").get_text() for card in select(response, selector)
    ]


def test_pages_store_their_pieces_and_reuse_them(client, helping):
    client.get(helping.get_absolute_url())
    stored = stored_fragments()

    response = client.get(helping.get_absolute_url())

    assert stored > 0
    assert stored_fragments() == stored  # nothing new: every piece came from the cache
    assert select_one(response, "h1").get_text() == "Elkaar helpen"


def test_a_content_save_shows_at_once_in_every_piece(client, helping, meeting):
    client.get(helping.get_absolute_url())
    meeting.activity_type.name_nl = "Samen eten"
    meeting.activity_type.save()
    tip = TipFactory(guidance=helping, text_nl="Vraag wat buren nodig hebben")

    response = client.get(helping.get_absolute_url())

    assert "Samen eten" in card_names(response)
    assert tip.text_nl in [item.get_text() for item in select(response, ".tips__list--works li")]


def test_each_activity_page_marks_its_own_card_as_current(client, helping, meeting):
    client.get(helping.get_absolute_url())

    response = client.get(meeting.get_absolute_url())

    assert card_names(response, current=True) == ["Ontmoeten"]
    assert sorted(card_names(response)) == ["Elkaar helpen", "Ontmoeten"]


def test_the_phase_page_reuses_cards_without_a_current_one(client, helping, meeting, phase):
    client.get(helping.get_absolute_url())

    response = client.get(phase.get_absolute_url())

    assert select(response, '.activity-card[aria-current="page"]') == []


def test_the_menu_follows_the_page_it_is_on(client, helping):
    client.get("/wijkscan/")

    response = client.get(helping.get_absolute_url())

    for nav in select(response, ".site-nav"):
        current = nav.select("[aria-current]")
        assert [link.get_text() for link in current] == ["Fasen"]
        assert current[0]["aria-current"] == "true"


def test_the_htmx_menu_swapped_out_of_band_follows_the_page_too(client, helping):
    client.get("/wijkscan/", headers=HTMX)

    response = client.get(helping.get_absolute_url(), headers=HTMX)

    for nav in select(response, "nav.site-nav[data-hx-swap-oob]"):
        assert [link.get_text() for link in nav.select("[aria-current]")] == ["Fasen"]


def test_the_full_page_and_the_htmx_fragment_each_get_their_own_heading(client, helping):
    client.get(helping.get_absolute_url())

    fragment = client.get(helping.get_absolute_url(), headers=HTMX)
    page = client.get(helping.get_absolute_url())

    assert select_one(fragment, "#page-heading").has_attr("data-swap-focus")
    assert not select_one(page, "#page-heading").has_attr("data-swap-focus")


def test_languages_get_their_own_pieces(client, helping):
    helping.activity_type.name_en = "Helping each other"
    helping.activity_type.save()
    client.get(helping.get_absolute_url())

    response = client.get(f"/en{helping.get_absolute_url()}")

    assert card_names(response) == ["Helping each other"]
    assert select_one(response, "#site-nav a").get_text() == "Phases"


def test_examples_show_an_edit_at_once(client, helping):
    example = PracticeExampleFactory(guidances=[helping], name="Buurtsoep")
    client.get(helping.get_absolute_url())

    example.name = "Soep van de straat"
    example.save()
    response = client.get(helping.get_absolute_url())

    assert [h.get_text() for h in select(response, ".examples h3")] == ["Soep van de straat"]


def test_a_logged_in_editor_neither_stores_nor_reuses_pieces(client, helping, admin_user):
    client.force_login(admin_user)

    client.get(helping.get_absolute_url())

    assert stored_fragments() == 0


def test_nothing_is_stored_when_fragments_are_off(client, helping, settings):
    settings.PIECE_CACHE_ENABLED = False

    client.get(helping.get_absolute_url())

    assert stored_fragments() == 0


def test_the_share_link_names_the_host_it_was_asked_on(client, helping, settings):
    settings.SITE_HOSTS = ["testserver", "wijkverbinder.example"]
    client.get(helping.get_absolute_url())

    response = client.get(helping.get_absolute_url(), headers={"Host": "wijkverbinder.example"})

    link = select_one(response, ".share__button")["data-share-url"]
    assert link.startswith("http://wijkverbinder.example/")


def test_a_piece_without_a_quoted_template_name_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="needs a template name"):
        Template("{% load pieces %}{% piece name %}")


def test_a_piece_takes_only_name_value_pairs():
    with pytest.raises(TemplateSyntaxError, match="only name=value"):
        Template("{% load pieces %}{% piece 'includes/effort.html' activity_type %}")


PIECE = "includes/card/example.html"


def render_piece(**values):
    request = RequestFactory().get("/")
    template = Template("{% load pieces %}{% piece 'includes/card/example.html' example=example %}")
    with translation.override("nl"):
        return template.render(Context({"request": request, **values}))


def test_a_piece_sees_only_the_values_it_is_given(client, helping):
    template = Template("{% load pieces %}{% piece 'includes/footer.html' path='/' %}")
    request = RequestFactory().get("/")

    with translation.override("nl"):
        rendered = template.render(
            Context({"request": request, "footer_links": [("over", "Dit mag niet te zien zijn")]})
        )

    assert "Dit mag niet te zien zijn" not in rendered  # footer_links was not passed


def test_the_values_given_are_the_key():
    first, second = PracticeExampleFactory(name="Eerste"), PracticeExampleFactory(name="Tweede")

    shown = [render_piece(example=example) for example in (first, second, first)]

    assert ["Eerste" in piece for piece in shown] == [True, False, True]
    assert ["Tweede" in piece for piece in shown] == [False, True, False]
    assert stored_fragments() == 2


def test_an_attribute_a_view_sets_on_a_row_is_part_of_its_key():
    example = PracticeExampleFactory(name="Tuin")
    before = fingerprint(example)

    example.shown_as = "anders"  # as a view that adds something to a row it shows

    assert fingerprint(example) != before


def test_the_rows_prefetched_for_a_row_are_part_of_its_key(helping):
    from activities.models import Guidance

    TipFactory(guidance=helping)
    plain = Guidance.objects.get(pk=helping.pk)
    with_tips = Guidance.objects.prefetch_related("tips").get(pk=helping.pk)
    without_tips = Guidance.objects.prefetch_related(
        Prefetch("tips", queryset=helping.tips.none())
    ).get(pk=helping.pk)

    assert len({fingerprint(plain), fingerprint(with_tips), fingerprint(without_tips)}) == 3


def test_an_unsaved_row_cannot_be_part_of_a_key():
    from examples.models import PracticeExample

    with pytest.raises(Unkeyable, match="unsaved"):
        fingerprint(PracticeExample(name="Nog niet bewaard"))


def test_a_row_that_is_not_content_cannot_be_part_of_a_key(django_user_model):
    user = django_user_model.objects.create_user("anna", password="x")

    with pytest.raises(Unkeyable, match="not content"):
        fingerprint(user)


def test_dict_keys_cannot_pass_for_other_entries():
    assert fingerprint({"a:str:'x',b": 1}) != fingerprint({"a": "x", "b": 1})


def test_the_same_row_at_the_same_version_has_the_same_key(helping):
    from activities.models import Guidance

    first = Guidance.objects.select_related("phase").get(pk=helping.pk)
    again = Guidance.objects.select_related("phase").get(pk=helping.pk)

    assert fingerprint(first) == fingerprint(again)


def test_a_value_no_key_can_be_made_of_is_an_error_in_tests(rf):
    from django import forms

    template = Template("{% load pieces %}{% piece 'includes/effort.html' activity_type=form %}")
    with pytest.raises(TemplateSyntaxError, match="cannot be part of a piece's key"):
        template.render(Context({"request": rf.get("/"), "form": forms.Form()}))


def test_without_strictness_such_a_piece_renders_every_time(rf, settings):
    from django import forms

    settings.PAGE_CACHE_STRICT = False
    template = Template("{% load pieces %}{% piece 'includes/effort.html' activity_type=form %}")

    template.render(Context({"request": rf.get("/"), "form": forms.Form()}))

    assert stored_fragments() == 0


def test_a_template_rendered_without_a_request_renders_its_piece_every_time():
    example = PracticeExampleFactory(name="Zonder verzoek")
    template = Template("{% load pieces %}{% piece 'includes/card/example.html' example=example %}")

    template.render(Context({"example": example}))

    assert stored_fragments() == 0


@pytest.fixture
def question():
    from tests.factories import ScanAnswerFactory, ScanQuestionFactory

    question = ScanQuestionFactory(slug="contact", text_nl="Hoeveel contact is er?", position=1)
    ScanAnswerFactory(question=question, slug="weinig", text_nl="Weinig")
    ScanAnswerFactory(question=question, slug="veel", text_nl="Veel")
    return question


def test_the_scan_form_and_the_outcome_with_missing_answers_keep_their_own_questions(
    client, question
):
    client.get("/wijkscan/?wijk=Oost")  # the form, nothing required yet

    response = client.get("/wijkscan/resultaat/?wijk=Oost")  # the outcome: an answer is missing

    assert response.status_code == 400
    assert select(response, "#q-contact .utrecht-form-field-error-message") != []


def test_a_question_edit_shows_at_once_on_the_scan_form(client, question):
    client.get("/wijkscan/")

    question.text_nl = "Kennen buren elkaar?"
    question.save()
    response = client.get("/wijkscan/")

    assert "Kennen buren elkaar?" in select_one(response, "#q-contact legend").get_text()


def test_a_card_is_rendered_once_and_then_reused(client, helping, phase):
    from activities.models import ActivityType

    client.get(phase.get_absolute_url())
    # update() sends no signal, so the content version stays: only a reused card shows the old name.
    ActivityType.objects.filter(pk=helping.activity_type.pk).update(name_nl="Niet gezien")
    caches["pages"].clear()  # the shared data is read again; the rendered pieces stay
    store.OBJECTS.clear()

    response = client.get(phase.get_absolute_url())

    assert card_names(response) == ["Elkaar helpen"]
