"""What a team's answers say together: the phases they point to, and where the team differs.

Pure functions over loaded objects (no queries), so the numbers are unit-tested without a database.

Disagreement on a question is 1 minus the share of the most common answer among the answers that
point to a phase. Answers that point to no phase ("weet ik niet") are left out: not knowing is not
disagreeing. 0 means everyone who knows gave the same answer; two people with two different answers
give 0.5; ten people spread 4/3/3 give 0.6. A question with fewer than two such answers has no
disagreement (None).

Rounds: when the team comes back ("hoe staat het er nu voor?"), each round's answers are counted on
their own, and the rounds are set side by side. A question's answers **moved** between two rounds
when the share of at least one answer changed by MOVED_SHARE (20 percentage points) or more; the
shares count every answer given, "weet ik niet" too (knowing less than before is news as well).
A question that one of the two rounds has no answers to has not moved.

The overview says it in words, not percentages (`QuestionSpread.agreement`): "iedereen eens" when
all who know gave the same answer, "iedereen anders" when no two did, otherwise "2 van 3 eens" (the
most common answer's count of all who know). Roles are compared only where a role has at least two
people who answered the question: one person is not a role's view.
"""

from collections import Counter
from dataclasses import dataclass, field

from wijkscan.scoring import score

# The questions shown under "hierover verschillen jullie van mening".
TOP_DISAGREEMENTS = 3
# How far one answer's share must move between two rounds for the question to count as moved.
MOVED_SHARE = 0.2

# The questions shown under "waar rollen het anders zien", and how many people a role needs there.
TOP_ROLE_DIFFERENCES = 3
ROLE_MINIMUM = 2


class Agreement:
    EVERYONE = "everyone"
    NOBODY = "nobody"
    SOME = "some"


@dataclass(frozen=True)
class Participant:
    """One response as the analysis needs it: the role (or None) and the (question, answer)s."""

    role: object
    chosen: list


@dataclass(frozen=True)
class PhaseCount:
    phase: object
    count: int
    share: float


@dataclass(frozen=True)
class AnswerCount:
    answer: object
    count: int
    share: float


@dataclass(frozen=True)
class RoleAnswers:
    role: object
    answers: list[AnswerCount]


@dataclass
class QuestionSpread:
    question: object
    answers: list[AnswerCount]
    answered: int
    disagreement: float | None
    by_role: list[RoleAnswers] = field(default_factory=list)
    roles_differ: bool = False
    # Of the answers that point to a phase: how many there are, and how many gave the most common.
    known: int = 0
    agreeing: int = 0

    @property
    def agreement(self):
        """Agreement.EVERYONE, NOBODY (no two alike) or SOME; None under two answers that know."""
        if self.known < 2:
            return None
        if self.agreeing == self.known:
            return Agreement.EVERYONE
        if self.agreeing == 1:
            return Agreement.NOBODY
        return Agreement.SOME

    @property
    def shared_roles(self):
        """The answers per role, of roles with two people or more here (one is no role's view)."""
        return [
            group
            for group in self.by_role
            if group.role is not None and sum(a.count for a in group.answers) >= ROLE_MINIMUM
        ]


@dataclass(frozen=True)
class RolePhases:
    role: object
    count: int
    phases: list[PhaseCount]


@dataclass(frozen=True)
class RoundColumn:
    """One round's column: how many answered, and the phases their answers point to."""

    round: object
    total: int
    phases: list[PhaseCount]
    undecided: int


@dataclass(frozen=True)
class AnswerShift:
    answer: object
    before: AnswerCount
    after: AnswerCount


@dataclass(frozen=True)
class MovedQuestion:
    question: object
    shifts: list[AnswerShift]
    movement: float

    @property
    def movement_percent(self):
        return round(100 * self.movement)


@dataclass
class RoundsComparison:
    """Every round side by side, and the questions whose answers moved since the round before."""

    columns: list[RoundColumn]
    moved: list[MovedQuestion]

    @property
    def before(self):
        return self.columns[-2]

    @property
    def after(self):
        return self.columns[-1]

    @property
    def phase_rows(self):
        """(phase, [its PhaseCount in each round]) in phase order."""
        if not self.columns:
            return []
        return [
            (count.phase, [column.phases[index] for column in self.columns])
            for index, count in enumerate(self.columns[0].phases)
        ]


@dataclass
class TeamOverview:
    total: int
    phases: list[PhaseCount]
    undecided: int
    questions: list[QuestionSpread]
    roles: list[RolePhases]
    # The round these answers belong to, and all rounds compared (from the second round on).
    round: object = None
    compared: RoundsComparison | None = None

    @property
    def disagreements(self):
        """The questions the team differs on most, most first."""
        return [q for q in self.questions if q.disagreement][:TOP_DISAGREEMENTS]

    @property
    def role_differences(self):
        """The questions on which roles (of two people or more) differ, most disputed first."""
        return [q for q in self.questions if q.roles_differ][:TOP_ROLE_DIFFERENCES]

    @property
    def phases_pointed_to(self):
        return [count for count in self.phases if count.count]

    @property
    def split(self):
        """True when the answer sets point to more than one phase."""
        return len(self.phases_pointed_to) > 1

    @property
    def discuss_first(self):
        """The question to talk about first when the answers split: the most disputed one."""
        disagreements = self.disagreements
        return disagreements[0] if self.split and disagreements else None


def points_to_a_phase(answer):
    return any(True for _weight in answer.weights.all())


def disagreement(counts):
    """1 minus the most common answer's share of `counts` ({answer: n}); None under two answers."""
    total = sum(counts.values())
    if total < 2:
        return None
    return 1 - max(counts.values()) / total


def _answer_counts(question, counter):
    total = sum(counter.values())
    return [
        AnswerCount(answer, counter[answer.pk], counter[answer.pk] / total if total else 0.0)
        for answer in question.answers.all()
    ]


def _modal(counter):
    """The most common answers (several when tied) of a Counter."""
    if not counter:
        return set()
    top = max(counter.values())
    return {key for key, count in counter.items() if count == top}


def phase_distribution(participants, phases, scored=None):
    """How many answer sets point to each phase (in phase order), and how many to none.

    `scored` ({id(participant): phase or None}) holds phases already worked out.
    """
    counter = Counter()
    undecided = 0
    for participant in participants:
        if scored is not None:
            phase = scored[id(participant)]
        else:
            phase = score(participant.chosen, phases).phase
        if phase is None:
            undecided += 1
        else:
            counter[phase.pk] += 1
    total = len(participants)
    return (
        [PhaseCount(p, counter[p.pk], counter[p.pk] / total if total else 0.0) for p in phases],
        undecided,
    )


def _role_key(role):
    return (role is None, getattr(role, "position", 0), getattr(role, "pk", 0))


def _given(participants):
    """{question pk: [(role, answer pk), ...]}: every answer, sorted by question in one pass."""
    given = {}
    for participant in participants:
        for asked, answer in participant.chosen:
            given.setdefault(asked.pk, []).append((participant.role, answer.pk))
    return given


def spread(question, participants, given=None):
    """The answers given to one question, its disagreement, and the answers per role.

    `given` is _given(participants), when the caller has it already.
    """
    answers = {answer.pk: answer for answer in question.answers.all()}
    knows = {pk: points_to_a_phase(answer) for pk, answer in answers.items()}
    all_counts = Counter()
    known = Counter()
    per_role = {}
    if given is None:
        given = _given(participants)
    for role, answer_pk in given.get(question.pk, []):
        if answer_pk not in answers:
            continue
        all_counts[answer_pk] += 1
        role_counter = per_role.setdefault(role, Counter())
        role_counter[answer_pk] += 1
        if knows[answer_pk]:
            known[answer_pk] += 1
    by_role = [
        RoleAnswers(role, [a for a in _answer_counts(question, counter) if a.count])
        for role, counter in sorted(per_role.items(), key=lambda item: _role_key(item[0]))
    ]
    modal_known = [
        _modal(Counter({k: n for k, n in counter.items() if knows[k]}))
        for role, counter in per_role.items()
        if role is not None and counter.total() >= ROLE_MINIMUM
    ]
    modal_known = [modal for modal in modal_known if modal]
    roles_differ = any(
        not (first & second)
        for index, first in enumerate(modal_known)
        for second in modal_known[index + 1 :]
    )
    return QuestionSpread(
        question=question,
        answers=_answer_counts(question, all_counts),
        answered=sum(all_counts.values()),
        disagreement=disagreement(known),
        by_role=by_role,
        roles_differ=roles_differ,
        known=known.total(),
        agreeing=max(known.values(), default=0),
    )


def overview(questions, phases, participants):
    """Everything the team overview shows; questions ordered by disagreement, most first."""
    # Each answer set is scored once, for the team and for its role.
    scored = {id(p): score(p.chosen, phases).phase for p in participants}
    phase_counts, undecided = phase_distribution(participants, phases, scored)
    given = _given(participants)
    spreads = [spread(question, participants, given) for question in questions]
    order = {question.pk: index for index, question in enumerate(questions)}
    spreads.sort(key=lambda s: (-(s.disagreement or 0), order[s.question.pk]))
    roles = {}
    for participant in participants:
        roles.setdefault(participant.role, []).append(participant)
    role_phases = []
    for role, members in sorted(roles.items(), key=lambda item: _role_key(item[0])):
        counts, _undecided = phase_distribution(members, phases, scored)
        role_phases.append(RolePhases(role, len(members), [c for c in counts if c.count]))
    return TeamOverview(
        total=len(participants),
        phases=phase_counts,
        undecided=undecided,
        questions=spreads,
        roles=role_phases,
    )


def answer_shares(question, participants):
    """Each answer of `question` with how many participants gave it and its share of them."""
    counter = Counter(
        answer.pk
        for participant in participants
        for asked, answer in participant.chosen
        if asked.pk == question.pk
    )
    return _answer_counts(question, counter)


def movement(before, after):
    """The largest change of one answer's share between two rounds; None if one has no answers."""
    if not any(a.count for a in before) or not any(a.count for a in after):
        return None
    return max(abs(b.share - a.share) for b, a in zip(before, after, strict=True))


def compare_rounds(questions, phases, rounds):
    """`rounds` is [(round, participants)], oldest first (at least two).

    A column per round; the questions that moved between the last two rounds, most moved first.
    """
    columns = []
    for round_, participants in rounds:
        counts, undecided = phase_distribution(participants, phases)
        columns.append(RoundColumn(round_, len(participants), counts, undecided))
    before, after = rounds[-2][1], rounds[-1][1]
    moved = []
    for question in questions:
        then, now = answer_shares(question, before), answer_shares(question, after)
        moved_by = movement(then, now)
        if moved_by is not None and moved_by >= MOVED_SHARE - 1e-9:
            shifts = [AnswerShift(b.answer, b, a) for b, a in zip(then, now, strict=True)]
            moved.append(MovedQuestion(question, shifts, moved_by))
    moved.sort(key=lambda m: -m.movement)
    return RoundsComparison(columns, moved)
