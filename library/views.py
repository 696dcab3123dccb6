from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.pagecache import public_page
from library.models import Publication


@public_page
@require_safe
def publication_list(request):
    return render(
        request, "library/publication_list.html", {"publications": Publication.objects.for_list()}
    )


@public_page
@require_safe
def publication_detail(request, slug):
    publication = get_object_or_404(Publication.objects.for_detail(), slug=slug)
    return render(request, "library/publication_detail.html", {"publication": publication})
