"""A rate limit on participants' answers, per client address, counted in Django's cache.

Modelled on examples/spam.py, behind the same two calls (`over_limit`, `count`) so a shared
cross-worker limiter can take its place. A whole team on one office network shares an address,
so the limit is a meeting's worth of answers and changes, not one person's. The count lives an
hour in the cache under a keyed hash of the address, never beside the answers.
"""

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.net import client_ip

POSTS_PER_HOUR = 60
WINDOW_SECONDS = 60 * 60


def _key(request):
    """The hour's counter of this address; the address only as a keyed hash (no plain IP kept)."""
    hour = timezone.now().strftime("%Y%m%d%H")
    address = salted_hmac(
        "buurtoverleg.limits", (client_ip(request) or "")[:64], algorithm="sha256"
    ).hexdigest()
    return f"buurtoverleg:posts:{address[:32]}:{hour}"


def over_limit(request):
    return cache.get(_key(request), 0) >= POSTS_PER_HOUR


def count(request):
    key = _key(request)
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=WINDOW_SECONDS)
