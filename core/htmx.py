from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request):
    """True when htmx asks for a piece of a page to swap in.

    Boosted navigation and history restores replace the whole document, so they get the full page.
    """
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(request, template_name, context, *, status=200):
    """Render the whole page, or, when htmx asks for it, only its `content` partial.

    The fragment also carries the page's `page_title` partial and the language switcher (see
    includes/fragment.html). One URL and one template serve both, so the response always varies on
    HX-Request: a cache must never hand a fragment to a browser that asked for the page.
    """
    is_fragment = wants_fragment(request)
    if is_fragment:
        context = {
            **context,
            "content_partial": f"{template_name}#content",
            "page_title_partial": f"{template_name}#page_title",
        }
        template_name = "includes/fragment.html"
    response = render(
        request, template_name, {**context, "is_fragment": is_fragment}, status=status
    )
    patch_vary_headers(response, ["HX-Request"])
    return response
