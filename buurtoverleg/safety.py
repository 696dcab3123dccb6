"""Threats or violence reported in a buurtoverleg: never lost among the other answers.

A wijkscan answer with `needs_urgent_help` reports threats, violence or intimidation. However the
team's answers are spread, and whatever phase it agrees on, the overview, the agreements, the plan
and its PDF then open with when to get help at once (templates/buurtoverleg/safety.html), saying how
many participants reported it. This is the one place that counts them.
"""

from dataclasses import dataclass

from buurtoverleg.models import Response
from phases.models import Phase


@dataclass(frozen=True)
class ThreatReports:
    count: int
    # The phase whose "when to get help at once" text is shown: the most serious one that has it
    # (as in the wijkscan's outcome); None when no phase has the text yet.
    help_phase: object


def help_phase(phases):
    """The most serious of `phases` (in their order) with a 'get help at once' text, or None."""
    return next((phase for phase in reversed(list(phases)) if phase.urgent_help), None)


def threat_reports(overleg):
    """How many participants of the current round reported threats or violence, with the help
    text; None if nobody. Two queries when nobody did, three when someone did.
    """
    count = (
        Response.objects.filter(
            overleg=overleg,
            round=overleg.current_round(),
            answers__answer__needs_urgent_help=True,
        )
        .values("pk")
        .distinct()
        .count()
    )
    if not count:
        return None
    return ThreatReports(count, help_phase(Phase.objects.for_overview()))
