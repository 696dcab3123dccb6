"""The team overview's numbers, on plain objects: no database, no network."""

from dataclasses import dataclass, field

import pytest

from buurtoverleg.analysis import Participant, compare_rounds, disagreement, movement, overview


class Related(list):
    def all(self):
        return self


@dataclass(frozen=True)
class Phase:
    pk: int
    name: str


@dataclass(frozen=True)
class Weight:
    phase_id: int
    points: int


@dataclass(eq=False)
class Answer:
    pk: int
    slug: str
    weights: Related = field(default_factory=Related)
    needs_urgent_help: bool = False


@dataclass(eq=False)
class Question:
    pk: int
    slug: str
    answers: Related


@dataclass(frozen=True)
class Role:
    pk: int
    name: str
    position: int


RUST, SPANNING = Phase(1, "Rust"), Phase(3, "Spanning")
PHASES = [RUST, Phase(2, "Ongemak"), SPANNING, Phase(4, "Incidenten")]


def _question(pk, slug):
    calm = Answer(pk * 10 + 1, "rustig", Related([Weight(RUST.pk, 3)]))
    tense = Answer(pk * 10 + 2, "gespannen", Related([Weight(SPANNING.pk, 3)]))
    unknown = Answer(pk * 10 + 3, "weet-niet")
    return Question(pk, slug, Related([calm, tense, unknown]))


CONTACT, SFEER, INCIDENTEN = (
    _question(1, "contact"),
    _question(2, "sfeer"),
    _question(3, "incidenten"),
)
QUESTIONS = [CONTACT, SFEER, INCIDENTEN]
AGENT, SCHOOL = Role(1, "Wijkagent", 1), Role(2, "School", 2)


def _answers(role=None, **chosen):
    """A participant: `contact="rustig"` etc., by answer slug."""
    pairs = []
    for question in QUESTIONS:
        if question.slug in chosen:
            answer = next(a for a in question.answers.all() if a.slug == chosen[question.slug])
            pairs.append((question, answer))
    return Participant(role, pairs)


def test_disagreement_is_one_minus_the_share_of_the_most_common_answer():
    assert disagreement({"a": 5}) == 0
    assert disagreement({"a": 1, "b": 1}) == pytest.approx(0.5)
    assert disagreement({"a": 4, "b": 3, "c": 3}) == pytest.approx(0.6)


def test_disagreement_needs_at_least_two_answers():
    assert disagreement({}) is None
    assert disagreement({"a": 1}) is None


def test_two_participants_who_differ_split_the_phases_and_top_the_disagreements():
    calm = _answers(contact="rustig", sfeer="rustig", incidenten="rustig")
    tense = _answers(contact="rustig", sfeer="gespannen", incidenten="gespannen")

    team = overview(QUESTIONS, PHASES, [calm, tense])

    assert team.total == 2
    assert [(c.phase.name, c.count) for c in team.phases] == [
        ("Rust", 1),
        ("Ongemak", 0),
        ("Spanning", 1),
        ("Incidenten", 0),
    ]
    assert [s.question.slug for s in team.disagreements] == ["sfeer", "incidenten"]
    assert [s.question.slug for s in team.questions] == ["sfeer", "incidenten", "contact"]
    assert team.questions[0].disagreement == pytest.approx(0.5)
    assert team.questions[-1].disagreement == 0


def test_ten_participants_order_the_questions_by_how_much_they_differ():
    participants = (
        # contact: 9 rustig, 1 gespannen -> 0.1; sfeer: 5/5 -> 0.5; incidenten: 7/3 -> 0.3
        [_answers(contact="rustig", sfeer="rustig", incidenten="rustig")] * 5
        + [_answers(contact="rustig", sfeer="gespannen", incidenten="rustig")] * 2
        + [_answers(contact="rustig", sfeer="gespannen", incidenten="gespannen")] * 2
        + [_answers(contact="gespannen", sfeer="gespannen", incidenten="gespannen")]
    )

    team = overview(QUESTIONS, PHASES, participants)

    assert [(s.question.slug, round(s.disagreement, 2)) for s in team.questions] == [
        ("sfeer", 0.5),
        ("incidenten", 0.3),
        ("contact", 0.1),
    ]
    counts = {c.phase.name: c.count for c in team.phases}
    # 5 all-calm and 2 mostly-calm sets point to rust; 2 mostly-tense and 1 all-tense to spanning.
    assert counts == {"Rust": 7, "Ongemak": 0, "Spanning": 3, "Incidenten": 0}
    sfeer = team.questions[0]
    assert [(a.answer.slug, a.count) for a in sfeer.answers] == [
        ("rustig", 5),
        ("gespannen", 5),
        ("weet-niet", 0),
    ]


def test_dont_know_is_not_disagreement_and_an_all_dont_know_set_points_to_no_phase():
    knows = _answers(contact="rustig", sfeer="rustig")
    does_not_know = _answers(contact="weet-niet", sfeer="weet-niet")

    team = overview(QUESTIONS, PHASES, [knows, does_not_know, knows])

    contact = next(s for s in team.questions if s.question.slug == "contact")
    assert contact.answered == 3
    assert contact.disagreement == 0
    assert team.disagreements == []
    assert team.undecided == 1


def test_roles_that_see_different_things_are_named_per_question():
    agent = _answers(AGENT, contact="rustig", incidenten="gespannen")
    school = _answers(SCHOOL, contact="rustig", incidenten="rustig")

    team = overview(QUESTIONS, PHASES, [agent, agent, school, school])

    assert [s.question.slug for s in team.role_differences] == ["incidenten"]
    incidenten = team.role_differences[0]
    assert [
        (g.role.name, [(a.answer.slug, a.count) for a in g.answers])
        for g in incidenten.shared_roles
    ] == [
        ("Wijkagent", [("gespannen", 2)]),
        ("School", [("rustig", 2)]),
    ]


def test_a_role_of_one_person_is_never_compared():
    agent = _answers(AGENT, contact="gespannen", sfeer="gespannen", incidenten="gespannen")
    school = _answers(SCHOOL, contact="rustig", sfeer="rustig", incidenten="rustig")

    team = overview(QUESTIONS, PHASES, [agent, school])

    assert team.role_differences == []


def test_role_differences_show_the_three_most_disputed_questions():
    agent = _answers(AGENT, contact="gespannen", sfeer="gespannen", incidenten="gespannen")
    school = _answers(SCHOOL, contact="rustig", sfeer="rustig", incidenten="rustig")
    questions = [*QUESTIONS, _question(4, "vierde")]
    agent.chosen.append((questions[3], questions[3].answers.all()[1]))
    school.chosen.append((questions[3], questions[3].answers.all()[0]))

    team = overview(questions, PHASES, [agent, agent, school, school])

    assert len(team.role_differences) == 3


@pytest.mark.parametrize(
    ("answers", "words", "agreeing", "known"),
    [
        (["rustig", "rustig", "rustig"], "everyone", 3, 3),
        (["rustig", "gespannen", "rustig"], "some", 2, 3),
        (["rustig", "gespannen"], "nobody", 1, 2),
        (["rustig", "weet-niet"], None, 1, 1),
    ],
)
def test_agreement_is_said_in_words_not_percentages(answers, words, agreeing, known):
    team = overview(QUESTIONS, PHASES, [_answers(contact=slug) for slug in answers])

    contact = next(s for s in team.questions if s.question.slug == "contact")
    assert (contact.agreement, contact.agreeing, contact.known) == (words, agreeing, known)


def test_when_answers_split_over_phases_the_most_disputed_question_comes_first():
    calm = _answers(contact="rustig", sfeer="rustig", incidenten="rustig")
    tense = _answers(contact="rustig", sfeer="gespannen", incidenten="gespannen")

    team = overview(QUESTIONS, PHASES, [calm, tense, calm])

    assert team.split
    assert team.discuss_first.question.slug in {"sfeer", "incidenten"}
    assert team.discuss_first is team.disagreements[0]


def test_answers_that_point_to_one_phase_need_no_what_now():
    team = overview(QUESTIONS, PHASES, [_answers(contact="rustig"), _answers(contact="rustig")])

    assert not team.split
    assert team.discuss_first is None


def test_roles_that_agree_on_a_question_are_not_a_difference():
    team = overview(
        QUESTIONS,
        PHASES,
        [_answers(AGENT, contact="rustig"), _answers(SCHOOL, contact="rustig")],
    )

    assert team.role_differences == []


def test_no_participants_gives_an_empty_overview():
    team = overview(QUESTIONS, PHASES, [])

    assert team.total == 0
    assert all(c.count == 0 and c.share == 0 for c in team.phases)
    assert team.disagreements == []


# Rounds


def test_rounds_are_set_side_by_side_with_each_rounds_phases():
    first = [_answers(contact="gespannen", sfeer="gespannen", incidenten="gespannen")] * 3
    second = [_answers(contact="rustig", sfeer="rustig", incidenten="rustig")] * 2 + [
        _answers(contact="weet-niet", sfeer="weet-niet", incidenten="weet-niet")
    ]

    compared = compare_rounds(QUESTIONS, PHASES, [("r1", first), ("r2", second)])

    assert [(c.round, c.total, c.undecided) for c in compared.columns] == [
        ("r1", 3, 0),
        ("r2", 3, 1),
    ]
    assert [(phase.name, [c.count for c in counts]) for phase, counts in compared.phase_rows] == [
        ("Rust", [0, 2]),
        ("Ongemak", [0, 0]),
        ("Spanning", [3, 0]),
        ("Incidenten", [0, 0]),
    ]


def test_a_question_moved_when_one_answers_share_changed_by_twenty_points_or_more():
    # contact: 4/5 rustig -> 3/5 rustig (20 points: moved); sfeer: 5/5 -> 5/5 (not moved);
    # incidenten: all rustig -> all gespannen (100 points: moved most).
    first = [_answers(contact="rustig", sfeer="rustig", incidenten="rustig")] * 4 + [
        _answers(contact="gespannen", sfeer="rustig", incidenten="rustig")
    ]
    second = [_answers(contact="rustig", sfeer="rustig", incidenten="gespannen")] * 3 + [
        _answers(contact="gespannen", sfeer="rustig", incidenten="gespannen")
    ] * 2

    compared = compare_rounds(QUESTIONS, PHASES, [("r1", first), ("r2", second)])

    assert [(m.question.slug, m.movement_percent) for m in compared.moved] == [
        ("incidenten", 100),
        ("contact", 20),
    ]
    contact = compared.moved[1]
    assert [(s.answer.slug, s.before.count, s.after.count) for s in contact.shifts] == [
        ("rustig", 4, 3),
        ("gespannen", 1, 2),
        ("weet-niet", 0, 0),
    ]


def test_a_small_shift_or_a_round_without_answers_is_not_a_move():
    first = [_answers(contact="rustig")] * 9 + [_answers(contact="gespannen")]
    second = [_answers(contact="rustig")] * 8 + [_answers(contact="gespannen")] * 2

    assert compare_rounds(QUESTIONS, PHASES, [("r1", first), ("r2", second)]).moved == []
    assert compare_rounds(QUESTIONS, PHASES, [("r1", first), ("r2", [])]).moved == []
    assert movement([], []) is None


def test_only_the_last_two_rounds_are_compared_for_moves():
    calm = [_answers(contact="rustig")] * 2
    tense = [_answers(contact="gespannen")] * 2

    compared = compare_rounds(QUESTIONS, PHASES, [("r1", calm), ("r2", tense), ("r3", tense)])

    assert len(compared.columns) == 3
    assert (compared.before.round, compared.after.round) == ("r2", "r3")
    assert compared.moved == []
