from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.htmx import render_page
from pagecache import version as content_version
from pagecache.pages import public_page
from phases.og import image_url
from phases.shared import overview, published_guidances


@public_page
@require_safe
def phase_list(request):
    """Home: what the tool is for, and the four phases to choose from."""
    return render(
        request, "phases/phase_list.html", {"phases": overview(content_version.current(request))}
    )


@public_page
@require_safe
def phase_detail(request, slug):
    version = content_version.current(request)
    phases = overview(version)
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
            "guidances": published_guidances(version, phase),
            "calmer_phase": phases[index - 1] if index > 0 else None,
            "worse_phase": phases[index + 1] if index + 1 < len(phases) else None,
            "og_image_url": request.build_absolute_uri(image_url(phase, get_language())),
        },
    )
