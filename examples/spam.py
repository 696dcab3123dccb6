"""Keeping robots out of the submission form without cookies or accounts: a rate limit per
client address, counted in Django's cache (shared between app servers when the cache is)."""

from django.core.cache import cache
from django.utils import timezone

from core.net import client_ip

SUBMISSIONS_PER_HOUR = 5


def _key(request):
    hour = timezone.now().strftime("%Y%m%d%H")
    return f"examples:submissions:{(client_ip(request) or '')[:64]}:{hour}"


def over_limit(request):
    return cache.get(_key(request), 0) >= SUBMISSIONS_PER_HOUR


def count_submission(request):
    key = _key(request)
    if not cache.add(key, 1, timeout=60 * 60):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=60 * 60)
