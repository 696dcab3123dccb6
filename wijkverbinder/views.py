import logging

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers and the admin ask for /favicon.ico; the icon is the site's SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)


@requires_csrf_token
def server_error(request):
    """The styled 500 page, in the request's language; plain text if even that fails."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page itself could not be rendered")
        return HttpResponseServerError(
            "500 - Er ging iets mis / Something went wrong", content_type="text/plain"
        )
