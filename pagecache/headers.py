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

# The htmx headers, which the key holds as they came.
HTMX = (
    "HTTP_HX_REQUEST",
    "HTTP_HX_REQUEST_URI_AUTOENCODED",
    "HTTP_HX_BOOSTED",
    "HTTP_HX_BOOSTED_URI_AUTOENCODED",
    "HTTP_HX_HISTORY_RESTORE_REQUEST",
    "HTTP_HX_HISTORY_RESTORE_REQUEST_URI_AUTOENCODED",
)
# Headers that the key holds (host and htmx), or that a stored page cannot depend on: pages are
# only stored for requests without a cookie or credentials (core.visitors). The forwarded host,
# port and scheme count only where the settings make Django read them (see `keyed()`).
KEYED = {"HTTP_HOST", *HTMX, "HTTP_COOKIE", "HTTP_AUTHORIZATION"}
# What else in the environment tells one visitor from another.
PER_CLIENT = {"REMOTE_ADDR", "REMOTE_HOST", "REMOTE_USER"}
# Noted when the view went through all of META (it may depend on any header).
EVERY_HEADER = "*"


def _tracked(name):
    return name.startswith("HTTP_") or name in PER_CLIENT or name in HttpHeaders.UNPREFIXED_HEADERS


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

    def _note_all(self):
        if self.active:
            self.read.add(EVERY_HEADER)

    def __iter__(self):
        self._note_all()
        return super().__iter__()

    def keys(self):
        self._note_all()
        return super().keys()

    def values(self):
        self._note_all()
        return super().values()

    def items(self):
        self._note_all()
        return super().items()


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


def keyed():
    """What the key holds: KEYED, and the forwarded headers Django is set to read (the key holds
    the host and scheme they give)."""
    names = set(KEYED)
    if settings.USE_X_FORWARDED_HOST:
        names.add("HTTP_X_FORWARDED_HOST")
    if settings.USE_X_FORWARDED_PORT:
        names.add("HTTP_X_FORWARDED_PORT")
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        names.add(proxy_header[0])
    return names


def unkeyed(names):
    """The headers among `names` that a page's key does not hold, sorted."""
    return sorted(set(names) - keyed())


def header_name(meta_name):
    """`HTTP_HX_TARGET` as `HX-Target`, for a Vary header; `*` for every header."""
    if meta_name == EVERY_HEADER or meta_name in PER_CLIENT:
        return "*"
    parts = meta_name.removeprefix("HTTP_").split("_")
    return "-".join(part if part == "HX" else part.capitalize() for part in parts)
