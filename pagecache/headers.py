"""Which request headers a view read: the page cache stores only pages that depend on its key.

A page's key names its address, language and htmx variant (pagecache.pages.page_key). A view that
reads any other header (`HX-Target`, `Referer`, `Accept-Language`, the client's address, ...)
may answer differently to two requests with the same key, so its response must not be stored or
given the key's ETag: `recording(request)` notes every header read while the view runs, and
`unkeyed()` says which of them the key does not hold.
"""

from contextlib import contextmanager

from django.conf import settings
from django.http.request import HttpHeaders

# Headers that the key holds (host, scheme, htmx variant), or that a stored page cannot depend
# on: pages are only stored for requests without a cookie or credentials (core.visitors).
KEYED = {
    "HTTP_HOST",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_HX_REQUEST",
    "HTTP_HX_REQUEST_URI_AUTOENCODED",
    "HTTP_HX_BOOSTED",
    "HTTP_HX_BOOSTED_URI_AUTOENCODED",
    "HTTP_HX_HISTORY_RESTORE_REQUEST",
    "HTTP_HX_HISTORY_RESTORE_REQUEST_URI_AUTOENCODED",
    "HTTP_COOKIE",
    "HTTP_AUTHORIZATION",
}
# What else in the environment tells one visitor from another.
PER_CLIENT = {"REMOTE_ADDR", "REMOTE_HOST", "REMOTE_USER"}


def _tracked(name):
    return name.startswith("HTTP_") or name in PER_CLIENT


class RecordingMeta(dict):
    """`request.META` that notes the headers read from it while `active`."""

    active = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    def _note(self, key):
        if self.active and isinstance(key, str) and _tracked(key):
            self.read.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


class RecordingHeaders(HttpHeaders):
    """`request.headers` that notes, in its META's record, the headers read from it."""

    def __init__(self, meta):
        super().__init__(meta)
        self._meta = meta

    def __getitem__(self, key):
        name = key.upper().replace("-", "_")
        if name not in HttpHeaders.UNPREFIXED_HEADERS:
            name = HttpHeaders.HTTP_PREFIX + name
        self._meta._note(name)
        return super().__getitem__(key)


@contextmanager
def recording(request):
    """Note the headers read from `request` inside the block; yields the set of their names.

    The recording META stays the request's META afterwards, so what a view writes into it (the
    CSRF middleware's flags) is seen by the middleware after it.
    """
    meta = request.META
    if not isinstance(meta, RecordingMeta):
        meta = RecordingMeta(meta)
        request.META = meta
        if hasattr(request, "environ"):
            request.environ = meta
    request.headers = RecordingHeaders(meta)
    meta.read = set()
    meta.active = True
    try:
        yield meta.read
    finally:
        meta.active = False


def unkeyed(names):
    """The headers among `names` that a page's key does not hold, sorted."""
    keyed = set(KEYED)
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        keyed.add(proxy_header[0])
    return sorted(set(names) - keyed)


def header_name(meta_name):
    """`HTTP_HX_TARGET` as `HX-Target`, for a Vary header."""
    parts = meta_name.removeprefix("HTTP_").split("_")
    return "-".join(part if part == "HX" else part.capitalize() for part in parts)
