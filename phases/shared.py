"""The phase data that many pages show, built once per content version (pagecache.objects).

They take the content version (pagecache.version.current), not the request. Read these values,
never change them: every request of the process gets the same objects.
"""

from pagecache.objects import shared
from phases.models import Phase


def overview(version):
    """The four phases, in order, as the overview, the phase menu and the wijkscan use them."""
    return shared(version, "phases", lambda: list(Phase.objects.for_overview()))


def published_guidances(version, phase):
    """The phase's published activity types, as its page, its activity pages and a scan outcome
    list them."""
    return shared(
        version,
        f"phase-guidances:{phase.pk}",
        lambda: list(phase.guidances.published().for_phase_page()),
    )
