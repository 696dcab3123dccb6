from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from activities.models import ActivityType, BindingRung, Guidance
from core.htmx import render_page
from core.preview import visible
from phases.models import Phase
from phases.og import image_url


@require_safe
def guidance_detail(request, phase_slug, slug):
    """An activity type within a phase: why and how, the tips, the examples, the way on."""
    guidance = get_object_or_404(
        visible(request, Guidance.objects.for_detail()),
        phase__slug=phase_slug,
        activity_type__slug=slug,
    )
    phase = guidance.phase
    return render_page(
        request,
        "activities/guidance_detail.html",
        {
            "guidance": guidance,
            "phase": phase,
            "guidances": phase.guidances.published().for_phase_page(),
            "phases": Phase.objects.for_overview(),
            "og_image_url": request.build_absolute_uri(image_url(phase, get_language())),
        },
    )


@require_safe
def binding_ladder(request):
    """The bindingsladder: its rungs, which activity types sit on each, and which on none."""
    rungs = list(BindingRung.objects.all())
    activity_types = list(ActivityType.objects.order_by("position", "slug"))
    for rung in rungs:
        rung.listed_types = [item for item in activity_types if item.rung_id == rung.pk]
    off_ladder = [item for item in activity_types if item.off_ladder]
    return render(
        request, "activities/binding_ladder.html", {"rungs": rungs, "off_ladder": off_ladder}
    )
