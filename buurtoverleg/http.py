"""Response headers for pages whose address is a capability (a secret link)."""

from functools import wraps

from django.utils.cache import add_never_cache_headers, patch_cache_control


def capability_page(view):
    """Keep a secret link's page out of shared caches, search engines and Referer headers.

    `Cache-Control: private, no-store` (no shared cache may keep it), `X-Robots-Tag: noindex,
    nofollow`, and `Referrer-Policy: same-origin`: a link or request to another site carries no
    Referer, so the token never leaves the site. (`no-referrer` would do the same outwards, but
    then Chromium sends `Origin: null` with the page's own form posts and Django's CSRF check
    refuses them.) The header is set here so that a looser site-wide default cannot leak a token.
    The templates add `<meta name="robots" content="noindex">` too.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper
