import datetime
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from pages.contacts import security_contacts

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


@require_safe
@never_cache
def healthz(request):
    """200 only when the database and the cache both answer: for the load balancer."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database does not answer")
        problems.append("database")
    try:
        token = secrets.token_hex(4)
        cache.set("healthz", token, 10)
        if cache.get("healthz") is None:
            problems.append("cache")
    except Exception:
        logger.exception("Health check: the cache does not answer")
        problems.append("cache")
    if problems:
        return HttpResponse(
            f"unavailable: {', '.join(problems)}\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def security_txt(request):
    """/.well-known/security.txt (RFC 9116), when a contact is configured."""
    if not settings.SECURITY_CONTACT:
        raise Http404("No security contact configured.")
    if settings.SECURITY_TXT_EXPIRES:
        expires = datetime.datetime.fromisoformat(settings.SECURITY_TXT_EXPIRES)
    else:
        expires = timezone.now() + datetime.timedelta(days=365)
    if timezone.is_naive(expires):
        expires = expires.replace(tzinfo=datetime.UTC)
    lines = [
        *(f"Contact: {contact}" for contact in security_contacts()),
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
