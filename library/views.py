from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from editing.preview import visible
from library.models import Publication
from pagecache.pages import public_page


@public_page
@require_safe
def publication_list(request):
    publications = Publication.objects.published().for_list()
    return render(request, "library/publication_list.html", {"publications": publications})


@public_page
@require_safe
def publication_detail(request, slug):
    publication = get_object_or_404(visible(request, Publication.objects.for_detail()), slug=slug)
    return render(request, "library/publication_detail.html", {"publication": publication})
