"""Where cached things are kept: the shared cache, with a small layer in each process in front.

With Redis (`REDIS_URL`, several app servers) every hit would cost a round trip and an unpickle;
the local layer keeps the most recent entries as Python objects. It can never be stale: every key
holds the release id and the content version (pagecache.keys), so an edit or a deploy makes new
keys, and the old entries simply age out. With the local-memory backend the layer is skipped (it
would hold the same thing twice).

Values are shared by every request of the process: read them, never change them.
"""

import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

TIMEOUT = 3600


class LocalLayer:
    """The most recently used entries of this process, by key (a bounded LRU, thread-safe)."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def set(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


# Measured with `make bench` (README, Measured): in front of Redis this layer brings cached
# pages from about 0.35 of a static file to the local-memory figures.
PAGES = LocalLayer(512)
# Shared objects are lists of rows: a hit from any backend would cost an unpickle.
OBJECTS = LocalLayer(256)
# Rendered pieces of pages (pagecache.templatetags.pieces) are kept only here: they are small,
# and a round trip to Redis for each would cost more than rendering them.
PIECES = LocalLayer(2000)


def clear_local():
    for layer in (PAGES, OBJECTS, PIECES):
        layer.clear()


def _shared():
    return caches[settings.PAGE_CACHE_ALIAS]


# While the shared cache is down every page asks it several times: the traceback is logged once
# a minute per process, the other times one line (a 3 s Redis outage under load logged 10,000
# lines of tracebacks before; tests/test_faults.py).
TRACEBACK_EVERY = 60
_last_traceback = [float("-inf")]


def _unavailable(message, error):
    now = time.monotonic()
    with_traceback = now - _last_traceback[0] >= TRACEBACK_EVERY
    if with_traceback:
        _last_traceback[0] = now
    logger.warning("%s (%s)", message, error, exc_info=with_traceback)


def _local(objects):
    """The layer in front of the shared cache for this kind of entry, or None.

    Pages are bytes, which the local-memory backend hands back about as fast as a layer would.
    """
    if objects:
        return OBJECTS
    return None if isinstance(_shared(), LocMemCache) else PAGES


def get(key, *, objects=False):
    """The entry for `key`, or None; a cache that is down costs speed, never a page."""
    local = _local(objects)
    if local is not None:
        value = local.get(key)
        if value is not None:
            return value
    try:
        value = _shared().get(key)
    except Exception as error:
        _unavailable("Cache unavailable; rendering without it", error)
        return None
    if value is not None and local is not None:
        local.set(key, value)
    return value


def put(key, value, *, objects=False):
    local = _local(objects)
    if local is not None:
        local.set(key, value)
    try:
        _shared().set(key, value, TIMEOUT)
    except Exception as error:
        _unavailable("Cache unavailable; not storing", error)
