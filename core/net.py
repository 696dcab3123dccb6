"""The client's address, for login throttling (settings.AXES_CLIENT_IP_CALLABLE)."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR; behind a proxy (DJANGO_BEHIND_PROXY), the address the proxy reports.

    The proxy appends the address it saw to X-Forwarded-For, so the last entry is the one it
    vouches for: entries before it come from the client and can be forged. Without the setting
    the header is ignored, so nobody can pick their own address by sending it.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-1]
    return request.META.get("REMOTE_ADDR")
