from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from pagecache.pages import public_page
from pages.contacts import site_contact
from pages.models import SitePage


@public_page
@require_safe
def page_detail(request, slug):
    """A footer page: its text as editors wrote it.

    The contact page adds who runs the site and how to reach them, from the settings.
    """
    page = get_object_or_404(SitePage, slug=slug)
    contact = site_contact() if slug == SitePage.Slug.CONTACT else None
    return render(request, "pages/page_detail.html", {"page": page, "contact": contact})
