"""Keeping robots out of the submission form without cookies or accounts: a rate limit per
client address, shared by every worker and app server (core.ratelimit)."""

from core.ratelimit import RateLimit

SUBMISSIONS_PER_HOUR = 5
SUBMISSIONS = RateLimit("examples-submissions", SUBMISSIONS_PER_HOUR, 60 * 60)


def over_limit(request):
    """This address has used up its submissions of the last hour (counts nothing)."""
    return SUBMISSIONS.exceeded(request)


def count_submission(request):
    """Count one submission; False, and nothing counted, if it would go over the limit."""
    return SUBMISSIONS.hit(request)
