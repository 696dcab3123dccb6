"""Public pages: a strong ETag, 304s, compressed HTML and a page cache that is never stale.

Views opt in with `@public_page`. Every key and every ETag contains the content version (see
pagecache.version), so a content save changes them all at once, in every process and on every
app server; nothing is ever deleted or stale. What is cached is the view's own response: the
security headers are added by the middleware around the view, on every response, cached or not.
"""

import gzip
import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from core.visitors import is_personal
from pagecache import version as content_version
from pagecache.release import release_id

logger = logging.getLogger(__name__)

# Browsers and CDNs may keep the page but must ask again before each use: with the ETag that
# costs one tiny query and a 304, and an edit shows at once (README, "Caching").
CACHE_CONTROL = {"public": True, "no_cache": True}
# What a visitor with a cookie gets: never stored by a shared cache.
PRIVATE_CACHE_CONTROL = {"private": True, "no_cache": True}
VARY = ("HX-Request", "HX-Boosted", "HX-History-Restore-Request", "Accept-Encoding")
KEY_PREFIX = "page:"
OBJECT_PREFIX = "obj:"
TIMEOUT = 3600
MIN_COMPRESSED_SIZE = 256
# The paths this process has seen @public_page answer with 200: the middleware looks only at
# these, so other requests (the admin, /healthz, a 404) never cost a content-version query.
_public_paths = set()
MAX_PUBLIC_PATHS = 10_000
# Recomputed for every response, never taken from the stored one.
NOT_STORED = {"content-length", "content-encoding", "etag", "cache-control", "set-cookie"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def wants_fragment(request):
    """core.htmx.wants_fragment from the headers alone, so the middleware can use it too."""
    meta = request.META
    return (
        meta.get("HTTP_HX_REQUEST") == "true"
        and meta.get("HTTP_HX_BOOSTED") != "true"
        and meta.get("HTTP_HX_HISTORY_RESTORE_REQUEST") != "true"
    )


def page_key(request):
    """What the page depends on: release, content version, language, address, query string and
    htmx variant."""
    parts = (
        release_id(),
        content_version.current(request),
        get_language() or "",
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        "fragment" if wants_fragment(request) else "page",
    )
    raw = "\n".join(parts).encode("utf-8", "backslashreplace")
    return hashlib.sha256(raw).hexdigest()[:32]


def accepts_gzip(request):
    for coding in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip().lower() in {"gzip", "*"}:
            return params.replace(" ", "").lower() not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
    return False


def _etag(key, gzipped):
    # The compressed bytes differ from the plain ones, so they get their own strong validator.
    return f'"{key}-gz"' if gzipped else f'"{key}"'


def _matches(header, key):
    tags = parse_etags(header)
    if "*" in tags:
        return True
    return any(tag.removeprefix("W/") in {_etag(key, False), _etag(key, True)} for tag in tags)


def _storable(request, response):
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(session, "modified", False)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _entry(response):
    body = response.content
    compressed = gzip.compress(body, compresslevel=6, mtime=0)
    return {
        "body": body,
        # Deterministic (mtime=0), so every app server sends the same bytes for the same ETag.
        "gzip": compressed if len(body) >= MIN_COMPRESSED_SIZE else None,
        "headers": [(k, v) for k, v in response.headers.items() if k.lower() not in NOT_STORED],
    }


def _finish(response, etag):
    response["ETag"] = etag
    patch_cache_control(response, **CACHE_CONTROL)
    patch_vary_headers(response, VARY)
    return response


def _from_entry(entry, key, gzipped):
    gzipped = gzipped and entry["gzip"] is not None
    response = HttpResponse(entry["gzip"] if gzipped else entry["body"])
    for name, value in entry["headers"]:
        response[name] = value
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    return _finish(response, _etag(key, gzipped))


def _cache_get(key):
    try:
        return _cache().get(key)
    except Exception:  # a cache that is down costs speed, never a page
        logger.warning("Page cache unavailable; rendering without it", exc_info=True)
        return None


def _cache_set(key, value):
    try:
        _cache().set(key, value, TIMEOUT)
    except Exception:
        logger.warning("Page cache unavailable; not storing", exc_info=True)


class PageCacheMiddleware:
    """Answer a page that @public_page has stored before URL resolving and the inner middleware.

    It serves only what the decorator stored, so it never has to guess what is public. It sits
    inside the middleware that add the security headers, the language and `Vary`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path in _public_paths
            and request.method in {"GET", "HEAD"}
            and settings.PAGE_CACHE_ENABLED
            and not is_personal(request)
        ):
            key = page_key(request)
            entry = _cache_get(KEY_PREFIX + key)
            if entry is not None:
                gzipped = accepts_gzip(request)
                if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
                if if_none_match and _matches(if_none_match, key):
                    return _finish(HttpResponseNotModified(), _etag(key, gzipped))
                return _from_entry(entry, key, gzipped)
        return self.get_response(request)


def public_page(view):
    """Serve a public GET/HEAD view with validators, from the page cache when it can.

    - a Cookie or Authorization header bypasses everything (marked private, never stored);
    - `If-None-Match` with the current ETag gets a 304 before anything is rendered;
    - only 200 responses without cookies are stored, plain and gzip-compressed. These pages hold
      no secret (no CSRF token, nothing personal), so compressing them gives BREACH nothing.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in {"GET", "HEAD"}:
            return view(request, *args, **kwargs)
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
            return response

        key = page_key(request)
        gzipped = accepts_gzip(request)
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and _matches(if_none_match, key):
            return _finish(HttpResponseNotModified(), _etag(key, gzipped))

        enabled = settings.PAGE_CACHE_ENABLED
        entry = _cache_get(KEY_PREFIX + key) if enabled else None
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if not _storable(request, response):
                return response
            entry = _entry(response)
            if enabled:
                _cache_set(KEY_PREFIX + key, entry)
        if len(_public_paths) >= MAX_PUBLIC_PATHS:
            _public_paths.clear()
        _public_paths.add(request.path)
        return _from_entry(entry, key, gzipped)

    return wrapper


# shared() values already unpickled in this process, by key (which contains the version).
_local = {}
MAX_LOCAL = 256


def shared(request, name, build):
    """`build()`'s value for the current content version, shared by every page that needs it.

    For data many pages or page variants use, such as the phases, the wijkscan's questions or
    one guidance with its tips (for Dutch, English and the htmx fragment). A content save
    changes the version, so the value is built again on the next request after it. The value is
    shared by every request of this process: read it, never change it.
    """
    key = f"{OBJECT_PREFIX}{content_version.current(request)}:{name}"
    try:
        return _local[key]
    except KeyError:
        pass
    value = _cache_get(key)
    if value is None:
        value = build()
        _cache_set(key, value)
    if len(_local) >= MAX_LOCAL:
        _local.clear()
    _local[key] = value
    return value


def clear_local():
    """Forget what this process holds (tests; the caches themselves are cleared apart)."""
    _local.clear()
    _public_paths.clear()
