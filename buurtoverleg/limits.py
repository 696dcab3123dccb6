"""A rate limit on participants' answers and changes, per client address, shared by every worker
and every app server (core.ratelimit: Redis or the database, a sliding window).

A whole team on one office network shares an address, so the limit is a meeting's worth of
answers and changes, not one person's. The counters hold the address only as a keyed hash, never
beside the answers.
"""

from core.ratelimit import RateLimit

POSTS = RateLimit("buurtoverleg-posts", limit=60, seconds=60 * 60)


def over_limit(request):
    """Whether this address has used up its answers for the hour (counts nothing)."""
    return POSTS.exceeded(request)


def count(request):
    """Count one answer or change; False, and nothing counted, when it would go over."""
    return POSTS.hit(request)
