"""Scoring the wijkscan: answers that clearly point to a phase get it; mixed ones are reported."""

import pytest

from tests.factories import PhaseFactory, ScanAnswerFactory, ScanQuestionFactory
from wijkscan.models import ScanQuestion
from wijkscan.scoring import Clarity, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def phases():
    return [
        PhaseFactory(position=1, slug="in-rust", colour="green"),
        PhaseFactory(position=2, slug="bij-ongemak", colour="yellow"),
        PhaseFactory(position=3, slug="bij-spanningen", colour="pink"),
        PhaseFactory(position=4, slug="bij-incidenten", colour="red"),
    ]


@pytest.fixture
def scan(phases):
    """Three questions; each has one answer per phase (3 points) and 'weet niet' (none)."""
    for number in range(3):
        question = ScanQuestionFactory(slug=f"v{number}")
        for phase in phases:
            ScanAnswerFactory(question=question, slug=phase.slug, weights={phase: 3})
        ScanAnswerFactory(question=question, slug="weet-niet")
    return list(ScanQuestion.objects.for_scan())


def choose(questions, *answer_slugs):
    chosen = []
    for question, slug in zip(questions, answer_slugs, strict=True):
        answer = next(a for a in question.answers.all() if a.slug == slug)
        chosen.append((question, answer))
    return chosen


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_answers_that_all_point_to_one_phase_get_that_phase_clearly(phases, scan, index):
    slug = phases[index].slug

    result = score(choose(scan, slug, slug, slug), phases)

    assert result.phase == phases[index]
    assert result.clarity == Clarity.CLEAR
    assert result.runner_up is None
    assert result.scores[0].share == 1.0


def test_answers_split_between_two_phases_are_reported_as_mixed_naming_both(phases, scan):
    result = score(choose(scan, "bij-ongemak", "bij-spanningen", "weet-niet"), phases)

    assert result.clarity == Clarity.MIXED
    assert {result.phase, result.runner_up} == {phases[1], phases[2]}


def test_a_tie_favours_the_calmer_phase_first(phases, scan):
    result = score(choose(scan, "bij-spanningen", "bij-ongemak", "weet-niet"), phases)

    assert result.phase == phases[1]
    assert result.runner_up == phases[2]


def test_one_answer_elsewhere_does_not_blur_a_clear_picture(phases, scan):
    result = score(choose(scan, "in-rust", "in-rust", "bij-incidenten"), phases)

    assert result.phase == phases[0]
    assert result.clarity == Clarity.CLEAR


def test_answers_spread_evenly_over_three_phases_are_mixed(phases, scan):
    result = score(choose(scan, "in-rust", "bij-ongemak", "bij-incidenten"), phases)

    assert result.clarity == Clarity.MIXED


def test_only_dont_know_answers_point_to_no_phase(phases, scan):
    result = score(choose(scan, "weet-niet", "weet-niet", "weet-niet"), phases)

    assert result.clarity == Clarity.UNKNOWN
    assert result.phase is None
    assert result.strongest == []


def test_the_strongest_answers_are_those_that_weighed_most_for_the_phase(phases):
    strong = ScanQuestionFactory(slug="sterk")
    ScanAnswerFactory(question=strong, slug="ja", weights={phases[3]: 5})
    weak = ScanQuestionFactory(slug="zwak")
    ScanAnswerFactory(question=weak, slug="ja", weights={phases[3]: 1, phases[2]: 1})
    questions = list(ScanQuestion.objects.for_scan())

    result = score(choose(questions, "ja", "ja"), phases)

    assert result.phase == phases[3]
    assert [item.question.slug for item in result.strongest] == ["sterk", "zwak"]
    assert [item.points for item in result.strongest] == [5, 1]


def test_tentative_when_the_top_phase_has_less_than_half_of_the_points(phases):
    for number, phase_points in enumerate([{0: 4}, {1: 2}, {2: 2}, {3: 1}]):
        question = ScanQuestionFactory(slug=f"t{number}")
        ScanAnswerFactory(
            question=question,
            slug="a",
            weights={phases[i]: points for i, points in phase_points.items()},
        )
    questions = list(ScanQuestion.objects.for_scan())

    result = score(choose(questions, "a", "a", "a", "a"), phases)

    assert result.phase == phases[0]
    assert result.clarity == Clarity.TENTATIVE
