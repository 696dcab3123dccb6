from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.htmx import render_page
from pagecache.pages import public_page
from search import queries

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": _("The search text is too long; use fewer words.")},
    )

    def clean(self):
        cleaned = super().clean()
        if len(self.data.getlist("q")) > 1:
            self.add_error(None, _("The link gives “%s” more than once.") % "q")
        return cleaned


@public_page
@require_safe
def site_search(request):
    """One search box for the whole site: results grouped by kind, in the page's language."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    local = getattr(request, "gemeente", None)
    groups = queries.site_search(query, local) if query else []
    return render_page(
        request,
        "search/search_results.html",
        {
            "form": form,
            "query": query,
            "groups": groups,
            "total": sum(len(group.items) for group in groups),
            "limit": queries.LIMIT,
        },
        status=200 if form.is_valid() else 400,
    )
