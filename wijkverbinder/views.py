import datetime
import logging
import secrets
import sys

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
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


# What a database that is down or restarting raises: the server is fine, the database is not.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Seconds a client is asked to wait while the database does not answer.
RETRY_AFTER = 30


@requires_csrf_token
def server_error(request):
    """The styled 500 page, in the request's language; plain text if even that fails.

    While the database does not answer (stopped, restarting, a connection cut) it is a styled 503
    with Retry-After instead: nothing is broken that waiting will not mend. Django calls this
    for an exception in any view or middleware, so the one place catches them all.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page itself could not be rendered")
        return HttpResponseServerError(
            "500 - Er ging iets mis / Something went wrong", content_type="text/plain"
        )


def database_unavailable(request):
    """The styled 503 while the database does not answer; it asks nothing of the database."""
    try:
        response = render(request, "503.html", status=503)
    except Exception:
        logger.exception("The 503 page itself could not be rendered")
        response = HttpResponse(
            "503 - Even niet beschikbaar / Briefly unavailable",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response["Retry-After"] = str(RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response


@require_safe
@never_cache
def healthz(request):
    """For the load balancer and for people: JSON, never cached.

    503 when the database does not answer: this server can serve nothing but 503 pages then.
    A cache (Redis) that does not answer is reported ("degraded") with 200: pages keep being
    served, uncached, and taking every server out of the pool for it would turn a slower site
    into none.
    """
    database = "ok"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer (%s)", error)
        database = "down"
    cache = "ok"
    try:
        shared = caches[settings.PAGE_CACHE_ALIAS]
        token = secrets.token_hex(4)
        shared.set("healthz", token, 10)
        if shared.get("healthz") != token:
            cache = "down"
    except Exception as error:
        logger.warning("Health check: the cache does not answer (%s)", error)
        cache = "down"
    if database != "ok":
        status = "unavailable"
    elif cache != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "database": database, "cache": cache},
        status=503 if database != "ok" else 200,
    )


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
