from django.shortcuts import render


def wants_fragment(request):
    """True when htmx asks for a piece of a page to swap in.

    Boosted navigation and history restores replace the whole document, so they get the full page.
    """
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(request, template_name, context, *, fragment="content", status=200):
    """Render the whole page, or only its `fragment` partial when htmx asks for it.

    One URL and one template serve both; views using this must vary on HX-Request.
    """
    is_fragment = wants_fragment(request)
    if is_fragment:
        template_name = f"{template_name}#{fragment}"
    return render(request, template_name, {**context, "is_fragment": is_fragment}, status=status)
