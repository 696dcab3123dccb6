"""Scoring the wijkscan: which phase do the chosen answers point to, and how clearly?"""

from dataclasses import dataclass, field

# The runner-up counts as a second likely phase when it reaches this share of the top score.
MIXED_RATIO = 0.75
# The picture is clear when the top phase has at least this share of all points.
CLEAR_SHARE = 0.5
STRONGEST_ANSWERS = 3
# Words, not percentages, for how strongly the answers point to a phase: (lowest share, word).
STRENGTHS = [(0.45, "strong"), (0.2, "partly"), (0.0001, "slight")]


class Clarity:
    CLEAR = "clear"
    TENTATIVE = "tentative"
    MIXED = "mixed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PhaseScore:
    phase: object
    points: int
    share: float

    @property
    def strength(self):
        """'strong', 'partly', 'slight' or 'none': how strongly the answers point here."""
        return next((word for lowest, word in STRENGTHS if self.share >= lowest), "none")

    @property
    def level(self):
        """The strength as 0 (none) to 3 (strong), for a bar that claims no more precision."""
        return {"none": 0, "slight": 1, "partly": 2, "strong": 3}[self.strength]


@dataclass(frozen=True)
class WeighedAnswer:
    question: object
    answer: object
    points: int


@dataclass(frozen=True)
class ScanResult:
    scores: list[PhaseScore]
    clarity: str
    strongest: list[WeighedAnswer] = field(default_factory=list)
    # Answers that report threats or violence: the outcome then shows when to get help at once,
    # whatever the phase.
    urgent: list = field(default_factory=list)

    @property
    def phase(self):
        """The suggested phase, or None when no answer points anywhere."""
        return self.scores[0].phase if self.clarity != Clarity.UNKNOWN else None

    @property
    def runner_up(self):
        """The second phase, named when the answers point to two phases."""
        return self.scores[1].phase if self.clarity == Clarity.MIXED else None


def score(chosen, phases):
    """Score `chosen`, a list of (question, answer) pairs with `answer.weights` loaded.

    `phases` are all phases in their order; it breaks ties in favour of the calmer phase.
    """
    points = {phase.pk: 0 for phase in phases}
    for _question, answer in chosen:
        for weight in answer.weights.all():
            points[weight.phase_id] = points.get(weight.phase_id, 0) + weight.points
    urgent = [(question, answer) for question, answer in chosen if answer.needs_urgent_help]
    total = sum(points.values())
    order = {phase.pk: index for index, phase in enumerate(phases)}
    ranked = sorted(phases, key=lambda phase: (-points[phase.pk], order[phase.pk]))
    scores = [
        PhaseScore(phase, points[phase.pk], points[phase.pk] / total if total else 0.0)
        for phase in ranked
    ]
    if total == 0:
        return ScanResult(scores, Clarity.UNKNOWN, urgent=urgent)

    top, second = scores[0], scores[1] if len(scores) > 1 else None
    if second and second.points and second.points >= MIXED_RATIO * top.points:
        clarity = Clarity.MIXED
    elif top.share >= CLEAR_SHARE:
        clarity = Clarity.CLEAR
    else:
        clarity = Clarity.TENTATIVE
    return ScanResult(scores, clarity, _strongest(chosen, top.phase), urgent)


def _strongest(chosen, phase):
    weighed = [
        WeighedAnswer(question, answer, weight.points)
        for question, answer in chosen
        for weight in answer.weights.all()
        if weight.phase_id == phase.pk
    ]
    weighed.sort(key=lambda item: -item.points)
    return weighed[:STRONGEST_ANSWERS]
