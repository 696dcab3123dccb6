from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from activities.models import ActivityType, BindingRung, Guidance
from core.htmx import render_page
from editing.preview import can_preview
from pagecache import version as content_version
from pagecache.objects import shared
from pagecache.pages import public_page
from phases.og import image_url
from phases.shared import overview, published_guidances


def _guidance(request, phase_slug, slug):
    """The guidance on this page and its best examples (Guidance.top_examples): shared per
    content version by the page's variants (Dutch, English, htmx fragment); an editor who may
    preview drafts gets them fresh, drafts included. None for an unknown or hidden guidance."""

    local = getattr(request, "gemeente", None)

    def lookup(guidances):
        guidance = guidances.filter(phase__slug=phase_slug, activity_type__slug=slug).first()
        return guidance and (guidance, guidance.top_examples(local=local))

    if can_preview(request, Guidance):
        return lookup(Guidance.objects.for_detail(local))
    return shared(
        content_version.current(request),
        f"guidance:{phase_slug}:{slug}:{local.pk if local else ''}",
        lambda: lookup(Guidance.objects.for_detail(local).published()),
    )


@public_page
@require_safe
def guidance_detail(request, phase_slug, slug):
    """An activity type within a phase: why and how, the tips, up to three examples (with a
    link to all of them), the way on."""
    found = _guidance(request, phase_slug, slug)
    if found is None:
        raise Http404("No published guidance for that phase and activity type.")
    guidance, examples = found
    phase = guidance.phase
    version = content_version.current(request)
    return render_page(
        request,
        "activities/guidance_detail.html",
        {
            "guidance": guidance,
            "examples": examples,
            "phase": phase,
            "guidances": published_guidances(version, phase),
            "phases": overview(version),
            "og_image_url": request.build_absolute_uri(image_url(phase, get_language())),
        },
    )


@public_page
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
