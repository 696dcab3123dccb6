from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.htmx import render_page
from core.pagecache import public_page, shared
from phases.models import Phase
from phases.og import image_url


def _phases(request):
    return shared(request, "phases", lambda: list(Phase.objects.for_overview()))


@public_page
@require_safe
def phase_list(request):
    """Home: what the tool is for, and the four phases to choose from."""
    return render(request, "phases/phase_list.html", {"phases": _phases(request)})


@public_page
@require_safe
def phase_detail(request, slug):
    phases = _phases(request)
    index = next((i for i, item in enumerate(phases) if item.slug == slug), None)
    if index is None:
        raise Http404("No phase with that slug.")
    phase = phases[index]
    return render_page(
        request,
        "phases/phase_detail.html",
        {
            "phase": phase,
            "phases": phases,
            "guidances": shared(
                request,
                f"phase-guidances:{phase.pk}",
                lambda: list(phase.guidances.published().for_phase_page()),
            ),
            "calmer_phase": phases[index - 1] if index > 0 else None,
            "worse_phase": phases[index + 1] if index + 1 < len(phases) else None,
            "og_image_url": request.build_absolute_uri(image_url(phase, get_language())),
        },
    )
