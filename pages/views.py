from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from pagecache.pages import public_page
from pages.models import SitePage


@public_page
@require_safe
def page_detail(request, slug):
    """A footer page: its text as editors wrote it; the contact page adds the contact address."""
    page = get_object_or_404(SitePage, slug=slug)
    contact_email = settings.CONTACT_EMAIL if slug == SitePage.Slug.CONTACT else ""
    return render(request, "pages/page_detail.html", {"page": page, "contact_email": contact_email})
