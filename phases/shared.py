"""The phase data that many pages show, built once per content version (pagecache.pages.shared).

Read these values, never change them: every request of the process gets the same objects.
"""

from pagecache.pages import shared
from phases.models import Phase


def overview(request):
    """The four phases, in order, as the overview, the phase menu and the wijkscan use them."""
    return shared(request, "phases", lambda: list(Phase.objects.for_overview()))


def published_guidances(request, phase):
    """The phase's published activity types, as its page, its activity pages and a scan outcome
    list them."""
    return shared(
        request,
        f"phase-guidances:{phase.pk}",
        lambda: list(phase.guidances.published().for_phase_page()),
    )
