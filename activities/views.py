from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from activities.models import ActivityType, BindingRung, Guidance
from core.htmx import render_page
from core.pagecache import public_page, shared
from phases.models import Phase


@public_page
@require_safe
def guidance_detail(request, phase_slug, slug):
    """An activity type within a phase: why and how, the tips, the examples, the way on."""
    # Shared per content version by the page's variants (Dutch, English, htmx fragment).
    guidance = shared(
        request,
        f"guidance:{phase_slug}:{slug}",
        lambda: (
            Guidance.objects.published()
            .for_detail()
            .filter(phase__slug=phase_slug, activity_type__slug=slug)
            .first()
        ),
    )
    if guidance is None:
        raise Http404("No published guidance for that phase and activity type.")
    phase = guidance.phase
    return render_page(
        request,
        "activities/guidance_detail.html",
        {
            "guidance": guidance,
            "phase": phase,
            "guidances": shared(
                request,
                f"phase-guidances:{phase.pk}",
                lambda: list(phase.guidances.published().for_phase_page()),
            ),
            "phases": shared(request, "phases", lambda: list(Phase.objects.for_overview())),
        },
    )


@public_page
@require_safe
def binding_ladder(request):
    """The bindingsladder: its rungs, and which activity types sit on each."""
    rungs = BindingRung.objects.prefetch_related(
        Prefetch("activity_types", queryset=ActivityType.objects.order_by("position"))
    )
    return render(request, "activities/binding_ladder.html", {"rungs": rungs})
