from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from core.htmx import render_page, wants_fragment
from editing.preview import visible
from examples import spam
from examples.forms import ExampleFilterForm, SubmissionForm
from examples.models import PracticeExample
from examples.selectors import filter_choices, find_examples, suggestions
from pagecache.pages import public_page

PER_PAGE = 12


def _facets(form, choices, counts):
    """Each filter with its choices: value, label, ticked, and how many examples it leaves."""
    facets = []
    for name, options in (
        ("fase", [(p.slug, p.name, p.colour) for p in choices["phases"]]),
        ("activiteit", [(a.slug, a.name, "") for a in choices["activity_types"]]),
        ("groep", [(d.slug, d.name, "") for d in choices["dividing_lines"]]),
        ("omgeving", [(s.slug, s.name, "") for s in choices["settings"]]),
        ("soort", [(v, label, "") for v, label in PracticeExample.Origin.choices]),
    ):
        if not options:
            continue
        ticked = set(form.filters().get(name, []))
        facets.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "options": [
                    {
                        "value": value,
                        "label": label,
                        "colour": colour,
                        "ticked": value in ticked,
                        "count": counts.get(name, {}).get(value, 0),
                        "id": f"f-{name}-{value}",
                    }
                    for value, label, colour in options
                ],
            }
        )
    return facets


def _list_context(request, *, page_path):
    """The list's filters, counts and page of results for this query string.

    `page_path` is the address the previous/next links lead to without JavaScript (the list).
    """
    choices = filter_choices()
    form = ExampleFilterForm(request.GET, **choices)
    local = getattr(request, "gemeente", None)
    found = find_examples(filters=form.filters(), query=form.query, local=local)
    page = Paginator(found.examples, PER_PAGE).get_page(request.GET.get("pagina"))
    results_path = reverse("examples:results")
    links = {}
    for name, exists in (("previous", page.has_previous()), ("next", page.has_next())):
        number = getattr(page, f"{name}_page_number")() if exists else None
        links[f"{name}_url"] = number and _page_url(request, page_path, number)
        links[f"{name}_results_url"] = number and _page_url(request, results_path, number)
    filters = form.filters()
    is_filtered = bool(form.query or any(filters.values()))
    context = {
        "form": form,
        "facets": _facets(form, choices, found.counts),
        "active_filters": sum(len(values) for values in filters.values()),
        "page": page,
        "examples": page.object_list,
        "is_filtered": is_filtered,
        "suggestions": (
            _suggestions(form, filters, found.search, local)
            if is_filtered and not page.paginator.count
            else []
        ),
        **links,
    }
    return context, 200 if form.is_valid() else 400


def _suggestions(form, filters, search, local):
    """The nearest searches that find something, each with its address and count."""
    list_path = reverse("examples:list")
    shown = []
    for suggestion in suggestions(filters=filters, search=search, local=local):
        params = [("q", suggestion.query)] if suggestion.query else []
        params += [(name, value) for name, values in suggestion.filters.items() for value in values]
        shown.append(
            {
                "kind": suggestion.kind,
                "query": suggestion.query,
                "dropped": form.fields[suggestion.dropped].label if suggestion.dropped else "",
                "has_filters": any(suggestion.filters.values()),
                "count": suggestion.count,
                "url": f"{list_path}?{urlencode(params)}" if params else list_path,
            }
        )
    return shown


@public_page
@require_safe
def example_list(request):
    """Every published example, filtered and searched through the query string."""
    context, status = _list_context(request, page_path=request.path)
    return render_page(request, "examples/example_list.html", context, status=status)


@public_page
@require_safe
def example_results(request):
    """The list's results alone: what htmx asks for while a visitor filters or types.

    Only the results, the live count and the counts per filter choice (swapped out of band), so
    the field being typed in keeps its focus. It is its own address, so what it answers never
    depends on a header outside the page cache's key; the browser's address bar shows the list's
    own address (`HX-Push-Url`). Asked for without htmx, it sends the visitor to the list.
    """
    list_path = reverse("examples:list")
    query = request.META.get("QUERY_STRING", "")
    list_url = f"{list_path}?{query}" if query else list_path
    if not wants_fragment(request):
        return redirect(list_url)
    request.page_path = list_path  # the canonical link and the language switcher name the list
    context, status = _list_context(request, page_path=list_path)
    response = render(request, "examples/example_list.html#results_update", context, status=status)
    response["HX-Push-Url"] = list_url
    patch_vary_headers(response, ["HX-Request"])
    return response


def _page_url(request, path, number):
    """This list's address with another page number; the first page has none."""
    query = request.GET.copy()
    query.pop("pagina", None)
    if number > 1:
        query["pagina"] = number
    return f"{path}?{query.urlencode()}"


@public_page
@require_safe
def example_detail(request, slug):
    """A published example; an editor who may change examples also sees a draft (with the
    "Concept" banner), never cached (editing.preview)."""
    examples = PracticeExample.objects.for_detail().in_layer(getattr(request, "gemeente", None))
    example = get_object_or_404(visible(request, examples), slug=slug)
    return render_page(request, "examples/example_detail.html", {"example": example})


@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    """ "Deel jouw praktijkvoorbeeld": stored for an editor to approve or reject."""
    if request.method != "POST":
        return render(request, "examples/submission_form.html", {"form": SubmissionForm()})
    form = SubmissionForm(request.POST)
    # Looked at first, so a client over the limit learns it before fixing a form; counted only
    # for a valid form, and atomically: of many posts at once, no more than the limit pass.
    if spam.over_limit(request):
        return _over_limit(request, form)
    if not form.is_valid():
        return render(request, "examples/submission_form.html", {"form": form}, status=400)
    if not spam.count_submission(request):
        return _over_limit(request, form)
    if not form.is_spam:
        submission = form.save(commit=False)
        submission.language = get_language() or "nl"
        # Shared on a gemeente's host: that gemeente's editors decide on it.
        local = getattr(request, "gemeente", None)
        submission.gemeente_id = local.pk if local else None
        submission.save()
        form.save_m2m()
    return redirect("examples:thanks")


def _over_limit(request, form):
    return render(
        request,
        "examples/submission_form.html",
        {"form": form, "over_limit": True},
        status=429,
    )


@public_page
@require_safe
def thanks(request):
    return render(request, "examples/submission_thanks.html", {})
