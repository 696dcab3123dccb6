"""Drafts, previewed: an editor sees an unpublished page on its public address.

Only a logged-in user who may change that kind of content sees drafts; everyone else gets the
published rows. Any response to a logged-in user is `Cache-Control: private, no-store`, so no
cache ever keeps a page that may show a draft.
"""

from django.utils.cache import patch_cache_control

from core.visitors import is_editor


def can_preview(request, model):
    """A logged-in staff user who may change this kind of content: they see its drafts."""
    if not is_editor(request) or not request.user.is_staff:
        return False
    return request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def visible(request, queryset):
    """The queryset's published rows, or all of them for an editor who may preview drafts."""
    if can_preview(request, queryset.model):
        return queryset
    return queryset.published()


class PreviewMiddleware:
    """Responses to a logged-in user are never stored by a cache.

    The session is only looked at when the browser sends a session cookie, so anonymous
    visitors' responses neither vary on nor set a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_editor(request):
            # patch_cache_control drops a view's "public" when it adds "private".
            patch_cache_control(response, private=True, no_store=True)
        return response
