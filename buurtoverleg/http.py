"""Response headers for pages whose address is a capability (a secret link)."""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from buurtoverleg.models import retention


class UnknownLink(Http404):
    """A manage, participant or edit link that opens no buurtoverleg (any more)."""


def capability_page(view):
    """Keep a secret link's page out of shared caches, search engines and Referer headers.

    `Cache-Control: private, no-store` (no shared cache may keep it), `X-Robots-Tag: noindex,
    nofollow`, and `Referrer-Policy: same-origin`: a link or request to another site carries no
    Referer, so the token never leaves the site. (`no-referrer` would do the same outwards, but
    then Chromium sends `Origin: null` with the page's own form posts and Django's CSRF check
    refuses them.) The header is set here so that a looser site-wide default cannot leak a token.
    The templates add `<meta name="robots" content="noindex">` too. A link that opens nothing
    (UnknownLink) gets the buurtoverleg's own 404, which says what still works.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except UnknownLink:
            response = unknown_link(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


def unknown_link(request):
    """The 404 of a buurtoverleg link that opens nothing: what still works, how to start again."""
    return render(
        request,
        "buurtoverleg/unknown_link.html",
        {"retention_days": retention().days},
        status=404,
    )
