"""Public pages: a strong ETag, 304s, compressed HTML and a page cache that is never stale.

Views opt in with `@public_page`. A page's key (pagecache.keys) holds the release id, the content
version, the language, the address (scheme, host, path, query string) and the htmx headers; the
ETag is that key. What the view returns must follow from the key alone: while it runs, every
request header it reads is noted (pagecache.headers), and a response that read any other header
is sent as it is, never stored and given no ETag. What is cached is the view's own response: the
security headers are added by the middleware around the view, on every response, cached or not.

Django's cache middleware keys a page on its URL and `Vary` headers, and its conditional GET
hashes a rendered body; neither knows the content version, and both would render a page to
answer a 304 that the key alone can answer.
"""

import gzip
import logging
from functools import wraps

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from core.visitors import is_personal
from pagecache import headers, store
from pagecache import version as content_version
from pagecache.keys import make_key

logger = logging.getLogger(__name__)

# Browsers and CDNs may keep the page but must ask again before each use: with the ETag that
# costs one tiny query and a 304, and an edit shows at once (README, "Caching").
CACHE_CONTROL = {"public": True, "no_cache": True}
# What a visitor with a cookie gets: never stored by a shared cache.
PRIVATE_CACHE_CONTROL = {"private": True, "no_cache": True}
VARY = ("HX-Request", "HX-Boosted", "HX-History-Restore-Request", "Accept-Encoding")
MIN_COMPRESSED_SIZE = 256
# The paths this process has seen @public_page answer with 200: the middleware looks only at
# these, so other requests (the admin, /healthz, a 404) never cost a content-version query.
_public_paths = set()
MAX_PUBLIC_PATHS = 10_000
# Recomputed for every response, never taken from the stored one.
NOT_STORED = {"content-length", "content-encoding", "etag", "cache-control", "set-cookie"}


def page_key(request):
    """What a page may depend on: release, content version, language, address, htmx headers."""
    meta = request.META
    return make_key(
        "page",
        content_version.current(request),
        get_language() or "",
        request.scheme,
        request.get_host(),
        request.path,
        meta.get("QUERY_STRING", ""),
        # The htmx headers as they came, so no way of reading them can tell two requests with
        # one key apart (headers.KEYED).
        *(meta.get(name, "") for name in headers.HTMX),
    )


def accepts_gzip(request):
    for coding in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip().lower() in {"gzip", "*"}:
            return params.replace(" ", "").lower() not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
    return False


def _etag(key, gzipped):
    # The compressed bytes differ from the plain ones, so they get their own strong validator.
    tag = key.partition(":")[2]
    return f'"{tag}-gz"' if gzipped else f'"{tag}"'


def _matches(header, key):
    """`If-None-Match` names this page's ETag. `*` ("any current page") is left to the caller,
    which knows whether the page exists."""
    tags = parse_etags(header)
    return any(tag.removeprefix("W/") in {_etag(key, False), _etag(key, True)} for tag in tags)


def _asks_for_any(header):
    return "*" in parse_etags(header)


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


def _not_modified(request, key, entry):
    """A 304 when the browser holds this page: its ETag, or `*` for a page that exists (a stored
    entry). The 304 names the ETag the 200 would have: small pages are never compressed."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return None
    if _matches(header, key) or (entry is not None and _asks_for_any(header)):
        gzipped = accepts_gzip(request) and (entry is None or entry["gzip"] is not None)
        return _finish(HttpResponseNotModified(), _etag(key, gzipped))
    return None


def _render(view, request, args, kwargs):
    """The view's response, rendered, and the headers it read that the key does not hold."""
    with headers.recording(request) as read:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    return response, headers.unkeyed(read)


def _refuse(request, response, unkeyed):
    """A response that depends on headers outside its key: sent, never stored, no ETag."""
    message = f"{request.path} read {', '.join(unkeyed)}, which its page key does not hold"
    if settings.PAGE_CACHE_STRICT:
        raise ImproperlyConfigured(message + ": choose the variant by its address instead.")
    logger.error("Not cached: %s.", message)
    patch_vary_headers(response, [headers.header_name(name) for name in unkeyed])
    patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
    return response


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
            entry = store.get(key)
            if entry is not None:
                return _not_modified(request, key, entry) or _from_entry(
                    entry, key, accepts_gzip(request)
                )
        return self.get_response(request)


def public_page(view):
    """Serve a public GET/HEAD view with validators, from the page cache when it can.

    - a Cookie or Authorization header bypasses everything (marked private, never stored);
    - `If-None-Match` with the current ETag gets a 304 before anything is rendered;
    - only 200 responses without cookies that depend on nothing outside their key are stored,
      plain and gzip-compressed. These pages hold no secret (no CSRF token, nothing personal),
      so compressing them gives BREACH nothing.
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
        enabled = settings.PAGE_CACHE_ENABLED
        entry = store.get(key) if enabled else None
        not_modified = _not_modified(request, key, entry)
        if not_modified:
            return not_modified
        if entry is None:
            response, unkeyed = _render(view, request, args, kwargs)
            if unkeyed:
                return _refuse(request, response, unkeyed)
            if not _storable(request, response):
                return response
            entry = _entry(response)
            if enabled:
                store.put(key, entry)
            not_modified = _not_modified(request, key, entry)
            if not_modified:
                return not_modified
        if len(_public_paths) >= MAX_PUBLIC_PATHS:
            _public_paths.clear()
        _public_paths.add(request.path)
        return _from_entry(entry, key, accepts_gzip(request))

    wrapper.public_page = True
    return wrapper


def clear_local():
    """Forget what this process holds (tests; the shared cache is cleared apart)."""
    store.clear_local()
    _public_paths.clear()
