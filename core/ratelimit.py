"""Rate limits per client address, shared by every worker and every app server.

    SUBMISSIONS = RateLimit("examples-submissions", limit=5, seconds=3600)
    if SUBMISSIONS.exceeded(request): ...      # look, without counting
    if not SUBMISSIONS.hit(request): ...       # count one; False when that would go over

The window slides: counts are kept per fixed window of `seconds`, and the previous window's
count weighs in for the part of it that still falls inside the last `seconds` (the two-bucket
approximation). So a client cannot send `limit` at the end of one hour and `limit` more at the
start of the next. `hit` is atomic: of many requests at once, exactly as many pass as fit.

Counted in Redis when settings.REDIS_URL is set (and in the database while Redis does not
answer), otherwise in the database (core.models.RateLimitCount; rows of past windows are deleted
as new ones are counted). Never in a process's memory, which each gunicorn worker has its own of.
Clients are told apart by core.net.client_key (the address the trusted proxies report), kept
only as a keyed hash: no counter holds a plain address.
"""

import logging
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.models import RateLimitCount
from core.net import client_key

logger = logging.getLogger(__name__)


class RateLimit:
    def __init__(self, name, limit, seconds):
        self.name = name
        self.limit = limit
        self.seconds = seconds

    def __repr__(self):
        return f"RateLimit({self.name!r}, {self.limit}, {self.seconds})"

    def exceeded(self, request):
        """Whether this client has used up its limit: a hit now would fail (counts nothing)."""
        return self.count(request) + 1 > self.limit

    def hit(self, request):
        """Count one for this client; False, and nothing counted, if it would go over the limit."""
        window, fraction = self._now()
        key = _hashed(client_key(request))
        store = _store()
        try:
            return store.hit(self, key, window, fraction)
        except _redis_errors() as error:
            logger.warning(
                "Rate limit %s: Redis unavailable (%s); counting in the database", self.name, error
            )
            return DATABASE.hit(self, key, window, fraction)

    def count(self, request):
        """The client's weighted count over the last `seconds`."""
        window, fraction = self._now()
        key = _hashed(client_key(request))
        try:
            current, previous = _store().counts(self, key, window)
        except _redis_errors() as error:
            logger.warning(
                "Rate limit %s: Redis unavailable (%s); reading the database", self.name, error
            )
            current, previous = DATABASE.counts(self, key, window)
        return _weighted(current, previous, fraction)

    def _now(self):
        now = timezone.now().timestamp()
        window = int(now // self.seconds)
        return window, (now % self.seconds) / self.seconds


def _hashed(address):
    """The client's address as the counters hold it: a keyed hash, never the address itself."""
    return salted_hmac("core.ratelimit", address, algorithm="sha256").hexdigest()[:32]


def _weighted(current, previous, fraction):
    """The previous window counts for the share of it still inside the sliding window."""
    return current + previous * (1 - fraction)


class DatabaseStore:
    def hit(self, limit, key, window, fraction):
        rows = RateLimitCount.objects.filter(name=limit.name, key=key)
        with transaction.atomic():
            # Write first: the row stays locked until commit (on SQLite the whole database is),
            # so requests at the same moment are counted one after the other.
            if not rows.filter(window=window).update(count=F("count") + 1):
                try:
                    with transaction.atomic():
                        RateLimitCount.objects.create(
                            name=limit.name, key=key, window=window, count=1
                        )
                except IntegrityError:  # another request created it first
                    rows.filter(window=window).update(count=F("count") + 1)
            current, previous = self.counts(limit, key, window)
            if _weighted(current, previous, fraction) > limit.limit:
                rows.filter(window=window).update(count=F("count") - 1)
                return False
            # Inside the transaction, which holds the write lock already: on SQLite a delete
            # of its own would read first and could find the database locked.
            RateLimitCount.objects.filter(name=limit.name, window__lt=window - 1).delete()
        return True

    def counts(self, limit, key, window):
        found = dict(
            RateLimitCount.objects.filter(
                name=limit.name, key=key, window__in=(window, window - 1)
            ).values_list("window", "count")
        )
        return found.get(window, 0), found.get(window - 1, 0)


class RedisStore:
    PREFIX = "wv-ratelimit"

    def _key(self, limit, key, window):
        return f"{self.PREFIX}:{limit.name}:{key}:{window}"

    def hit(self, limit, key, window, fraction):
        client = _redis()
        current_key = self._key(limit, key, window)
        with client.pipeline() as pipe:
            pipe.incr(current_key)
            pipe.expire(current_key, 2 * limit.seconds)
            pipe.get(self._key(limit, key, window - 1))
            current, _, previous = pipe.execute()
        if _weighted(current, int(previous or 0), fraction) > limit.limit:
            client.decr(current_key)
            return False
        return True

    def counts(self, limit, key, window):
        current, previous = _redis().mget(
            self._key(limit, key, window), self._key(limit, key, window - 1)
        )
        return int(current or 0), int(previous or 0)


DATABASE = DatabaseStore()
REDIS = RedisStore()


def _store():
    return REDIS if settings.REDIS_URL else DATABASE


@cache
def _redis():
    import redis

    # Short timeouts: a Redis that does not answer must cost a form post little.
    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)


@cache
def _redis_errors():
    try:
        import redis
    except ImportError:  # pragma: no cover - redis is a dependency
        return ()
    return (redis.RedisError, OSError)


@receiver(setting_changed)
def _forget_redis(setting, **kwargs):
    if setting == "REDIS_URL":
        _redis.cache_clear()
