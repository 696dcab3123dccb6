"""Keeping robots out of the submission form without cookies or accounts: a rate limit per
client address, counted in Django's cache (shared between app servers when the cache is)."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

SUBMISSIONS_PER_HOUR = 5


def client_address(request):
    """The visitor's address. Behind our own proxy (DJANGO_BEHIND_PROXY), the right-most
    address in X-Forwarded-For: the one our proxy appended, which a client cannot forge."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def _key(request):
    hour = timezone.now().strftime("%Y%m%d%H")
    return f"examples:submissions:{client_address(request)}:{hour}"


def over_limit(request):
    return cache.get(_key(request), 0) >= SUBMISSIONS_PER_HOUR


def count_submission(request):
    key = _key(request)
    if not cache.add(key, 1, timeout=60 * 60):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=60 * 60)
