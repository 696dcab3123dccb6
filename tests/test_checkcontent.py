import pytest
from django.core.management import call_command

from activities.models import Tip
from content.gaps import find_content_gaps
from library.models import Publication
from tests.factories import (
    ActivityTypeFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    PublicationFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
    TipFactory,
)

pytestmark = pytest.mark.django_db


def problems():
    return [str(gap) for gap in find_content_gaps()]


@pytest.fixture
def complete_guidance():
    """A guidance with nothing missing, to which each test adds one gap."""
    guidance = GuidanceFactory(tips=0)
    TipFactory.create_batch(3, guidance=guidance, kind=Tip.Kind.WORKS)
    TipFactory.create_batch(2, guidance=guidance, kind=Tip.Kind.DOES_NOT_WORK)
    guidance.sources.add(PublicationFactory())
    PracticeExampleFactory.create_batch(
        2, guidances=[guidance], source_url="https://www.example.org/verslag"
    )
    return guidance


def test_the_shipped_content_has_no_gaps(capsys):
    call_command("seed", verbosity=0)

    call_command("checkcontent")

    assert "The content is complete." in capsys.readouterr().out


def test_complete_content_has_no_gaps(complete_guidance):
    assert problems() == []


def test_checkcontent_exits_non_zero_and_lists_each_gap(complete_guidance, capsys):
    complete_guidance.phase.__class__.objects.filter(pk=complete_guidance.phase.pk).update(
        headline_en=""
    )

    with pytest.raises(SystemExit) as exit_info:
        call_command("checkcontent")

    assert exit_info.value.code == 1
    assert "headline has no en text" in capsys.readouterr().out


def test_finds_a_missing_translation(complete_guidance):
    Tip.objects.filter(guidance=complete_guidance).update(text_en="")

    assert any("text has no en text" in p for p in problems())


def test_finds_guidance_with_too_few_tips(complete_guidance):
    complete_guidance.tips.filter(kind=Tip.Kind.DOES_NOT_WORK).first().delete()

    assert any("1 'does not work' tips, needs 2" in p for p in problems())


def test_finds_a_phase_without_its_situations(complete_guidance):
    phase = complete_guidance.phase
    type(phase).objects.filter(pk=phase.pk).update(desired_quote_nl="", desired_quote_en="")

    assert any("desired_quote is empty" in p for p in problems())


def test_finds_a_phase_without_signals(complete_guidance):
    type(complete_guidance.phase).objects.update(signals_nl="", signals_en="")

    assert any("signals is empty" in p for p in problems())


def test_finds_an_example_without_guidance(complete_guidance):
    PracticeExampleFactory(name="Los voorbeeld")

    assert any("Los voorbeeld" in p and "illustrates no guidance" in p for p in problems())


def test_finds_guidance_with_fewer_than_two_published_examples(complete_guidance):
    second = complete_guidance.examples.last()
    second.is_published = False
    second.save()

    assert problems() == [
        f"handreiking '{complete_guidance}' (id {complete_guidance.pk}): "
        "1 published practice example(s), needs 2"
    ]


def test_finds_a_published_example_without_its_source(complete_guidance):
    example = complete_guidance.examples.first()
    example.source_url = ""
    example.save()

    assert problems() == [
        f"praktijkvoorbeeld '{example}' (id {example.pk}): names no source "
        "(where the editors read about it)"
    ]


def test_finds_guidance_without_sources_or_review_date(complete_guidance):
    complete_guidance.sources.clear()
    type(complete_guidance).objects.update(last_reviewed=None)

    found = problems()

    assert any("names no sources" in p for p in found)
    assert any("has no last-reviewed date" in p for p in found)


def test_finds_an_activity_type_without_a_rung(complete_guidance):
    ActivityTypeFactory(name_nl="Zonder trede", rung=None)

    assert any("Zonder trede" in p and "no rung" in p for p in problems())


def test_finds_a_dead_internal_link_but_not_a_live_one(complete_guidance):
    live = complete_guidance.get_absolute_url()
    type(complete_guidance).objects.update(
        introduction_nl=f"Zie ook {live}. En /verbinden/in-rust/bestaat-niet/ voor meer."
    )
    Publication.objects.update(summary_en="More in /en/bibliotheek/gone/.")

    found = problems()

    assert any("links to /verbinden/in-rust/bestaat-niet/" in p for p in found)
    assert any("links to /en/bibliotheek/gone/" in p for p in found)
    assert not any(live in p for p in found)


def test_a_phase_without_published_guidance_is_a_gap(complete_guidance):
    PhaseFactory(title_nl="Lege fase")

    assert any("Lege fase" in p and "no published activity types" in p for p in problems())


def test_finds_a_scan_question_without_enough_answers(complete_guidance):
    ScanAnswerFactory(question=ScanQuestionFactory(text_nl="Enkele vraag?"))

    found = problems()

    assert any("Enkele vraag?" in p and "fewer than two answers" in p for p in found)
    assert any("Enkele vraag?" in p and "no answer that points to a phase" in p for p in found)


def test_an_activity_type_marked_not_on_the_ladder_needs_no_rung(complete_guidance):
    activity_type = complete_guidance.activity_type
    activity_type.rung = None
    activity_type.off_ladder = True
    activity_type.save()

    assert problems() == []


def test_finds_an_activity_type_without_its_effort(complete_guidance):
    ActivityTypeFactory(effort_money="")

    assert any("effort_money is not filled in" in problem for problem in problems())


def test_finds_a_tip_that_repeats_another_guidances_word_for_word(complete_guidance):
    tip = complete_guidance.tips.first()
    other = GuidanceFactory(tips=0)
    TipFactory(guidance=other, text_nl=f"  {tip.text_nl.upper()} ", text_en="Written for here.")

    found = [problem for problem in problems() if "repeats the text" in problem]

    assert len(found) == 1
    assert "tip (nl)" in found[0]
    assert str(complete_guidance) in found[0]


def test_finds_target_group_advice_copied_from_another_guidance(complete_guidance):
    complete_guidance.target_group_advice_en = "Reach parents through the school."
    complete_guidance.save()
    GuidanceFactory(target_group_advice_en="Reach parents through the school.")

    found = [problem for problem in problems() if "repeats the text" in problem]

    assert len(found) == 1
    assert "target-group advice (en)" in found[0]


def test_the_same_tip_twice_within_one_guidance_is_left_to_the_editor(complete_guidance):
    tip = complete_guidance.tips.first()
    TipFactory(guidance=complete_guidance, text_nl=tip.text_nl, text_en=tip.text_en)

    assert not [problem for problem in problems() if "repeats the text" in problem]
