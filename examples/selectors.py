"""The practice-example list: filters from the query string, search, and the count per choice."""

from dataclasses import dataclass

from django.db.models import Count

from activities.models import ActivityType
from examples import fulltext
from examples.models import DividingLine, PracticeExample, Setting
from phases.models import Phase

Link = PracticeExample.guidances.through
# Filters on the guidance an example illustrates: phase and activity type must hold for the
# same guidance (dialogue *in* unease, not dialogue somewhere and unease somewhere else).
GUIDANCE_FILTERS = {"fase": "guidance__phase__slug", "activiteit": "guidance__activity_type__slug"}
EXAMPLE_FILTERS = {"groep": "dividing_lines__slug", "omgeving": "settings__slug"}


def filter_choices():
    """What the filters offer, each list in the order editors gave it."""
    return {
        "phases": list(Phase.objects.for_overview()),
        "activity_types": list(ActivityType.objects.order_by("position", "slug")),
        "dividing_lines": list(DividingLine.objects.all()),
        "settings": list(Setting.objects.all()),
    }


def _links(filters, skip):
    links = Link.objects.filter(guidance__is_published=True)
    for name, path in GUIDANCE_FILTERS.items():
        if name != skip and filters.get(name):
            links = links.filter(**{f"{path}__in": filters[name]})
    return links


def _filtered(examples, filters, skip=None):
    """`examples` narrowed by every filter but `skip`: choices within a filter add up (or),
    filters narrow each other (and)."""
    for name, path in EXAMPLE_FILTERS.items():
        if name != skip and filters.get(name):
            ids = PracticeExample.objects.filter(**{f"{path}__in": filters[name]}).values("pk")
            examples = examples.filter(pk__in=ids)
    if skip != "soort" and filters.get("soort"):
        examples = examples.filter(origin__in=filters["soort"])
    if any(filters.get(name) for name in GUIDANCE_FILTERS if name != skip):
        examples = examples.filter(pk__in=_links(filters, skip).values("practiceexample"))
    return examples


def _counts(rows, key):
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def facet_counts(examples, filters):
    """For each filter, {choice: how many examples are left if it is ticked}, given the others.

    One grouped query per filter, whatever the number of examples.
    """
    counts = {}
    for name, path in GUIDANCE_FILTERS.items():
        others = _filtered(examples, filters, skip=name).values("pk")
        rows = (
            _links(filters, skip=name)
            .filter(practiceexample__in=others)
            .values(path)
            .annotate(n=Count("practiceexample", distinct=True))
            .order_by()
        )
        counts[name] = _counts(rows, path)
    for name, path in EXAMPLE_FILTERS.items():
        rows = (
            _filtered(examples, filters, skip=name)
            .values(path)
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        counts[name] = _counts(rows, path)
    rows = _filtered(examples, filters, skip="soort").values("origin").annotate(n=Count("pk"))
    counts["soort"] = _counts(rows.order_by(), "origin")
    return counts


@dataclass
class ExampleSearch:
    examples: object  # the matching examples, in list order (a queryset)
    counts: dict
    search: object = None  # the prepared search text (fulltext.Search), if any


def find_examples(*, filters, query, local=None):
    """The published examples that match the filters and the search text, and the facet counts.

    On a gemeente's host (`local`), its own examples come first and other gemeenten's are left
    out (PracticeExample.in_layer).
    """
    examples = PracticeExample.objects.published().in_layer(local)
    search = fulltext.prepare(query) if query else None
    if search:
        examples = fulltext.matching(examples, search)
    found = _filtered(examples, filters)
    if search:
        found = fulltext.ranked(found, search)
    found = found.own_first(local)
    return ExampleSearch(
        examples=found.for_cards(), counts=facet_counts(examples, filters), search=search
    )


@dataclass
class Suggestion:
    """A way out of an empty list: the same search with less, and how many examples it finds."""

    kind: str  # "without_query", "without_filter" (one filter dropped) or "without_filters"
    query: str
    filters: dict
    count: int
    dropped: str = ""  # the filter dropped, for "without_filter"


def suggestions(*, filters, search, local=None):
    """For a search that finds nothing: the nearest searches that find something, with counts.

    Drop the search words; drop one filter at a time; drop every filter. At most one count query
    per filter in use, plus two; only asked for when the list is empty.
    """
    in_use = [name for name, values in filters.items() if values]
    query = search.text if search else ""
    published = PracticeExample.objects.published().in_layer(local)
    matched = fulltext.matching(published, search) if search else published
    found = []
    if query:
        found.append(
            Suggestion("without_query", "", filters, _filtered(published, filters).count())
        )
    if len(in_use) > 1:
        for name in in_use:
            rest = {**filters, name: []}
            found.append(
                Suggestion("without_filter", query, rest, _filtered(matched, rest).count(), name)
            )
    if in_use:
        found.append(Suggestion("without_filters", query, {}, matched.count()))
    return [suggestion for suggestion in found if suggestion.count]
