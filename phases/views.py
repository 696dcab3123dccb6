from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from phases.models import Phase
from wijkverbinder.htmx import render_page


@require_safe
def phase_list(request):
    """Home: what the tool is for, and the four phases to choose from."""
    return render(request, "phases/phase_list.html", {"phases": Phase.objects.for_overview()})


@require_safe
@vary_on_headers("HX-Request")
def phase_detail(request, slug):
    phase = get_object_or_404(Phase, slug=slug)
    guidances = phase.guidances.published().for_phase_page()
    return render_page(
        request,
        "phases/phase_detail.html",
        {"phase": phase, "guidances": guidances, "phases": Phase.objects.for_overview()},
    )
