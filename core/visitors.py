"""Who is asking: questions about a request that every floor may ask, from its headers alone."""

from django.conf import settings


def is_personal(request):
    """The request carries a cookie or credentials: no shared cache may answer or keep it.

    Without a cookie there is no session, so such a visitor cannot be logged in.
    """
    return bool(request.META.get("HTTP_COOKIE", "").strip()) or "HTTP_AUTHORIZATION" in (
        request.META
    )


def is_editor(request):
    """A logged-in user is making this request.

    Without a session cookie nobody is logged in: the session is not touched then, so anonymous
    responses neither vary on nor set a cookie.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated
