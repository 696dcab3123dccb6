"""The site search: phases, guidance (with its tips), practice examples and library items.

Each kind is one query (a fixed number of queries per search, however much content there is).
On PostgreSQL the texts are matched with full-text search in the page's language (`dutch` or
`english`, websearch syntax) and ranked; practice examples use their stored vectors. Elsewhere
every word must occur in one of the texts. English pages search the English text and, where
that is empty, the Dutch text the page would show.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchRank, SearchVector
from django.db.models import Exists, F, OuterRef, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf

from activities.models import Guidance, Tip
from examples import fulltext
from examples.models import PracticeExample
from library.models import Publication
from phases.models import Phase

LIMIT = 10

# (path, translated): the texts each kind is searched in, most telling first.
PHASE_FIELDS = [
    ("name", True),
    ("title", True),
    ("headline", True),
    ("current_quote", True),
    ("current_text", True),
    ("desired_quote", True),
    ("desired_text", True),
    ("signals", True),
]
GUIDANCE_FIELDS = [
    ("activity_type__name", True),
    ("activity_type__summary", True),
    ("introduction", True),
    ("target_group_advice", True),
]
TIP_FIELDS = [("text", True)]
PUBLICATION_FIELDS = [
    ("title", False),
    ("authors", False),
    ("publisher", False),
    ("kind", True),
    ("summary", True),
    ("key_points", True),
]


@dataclass
class Group:
    kind: str
    items: list = field(default_factory=list)


def _expression(path, translated, code):
    if not translated:
        return F(path)
    if code == "nl":
        return F(f"{path}_nl")
    return Coalesce(
        NullIf(F(f"{path}_{code}"), Value("")), F(f"{path}_nl"), output_field=TextField()
    )


def _vector(fields, code):
    return SearchVector(
        *(_expression(path, translated, code) for path, translated in fields),
        config=fulltext.CONFIGS[code],
    )


def _word_condition(fields, word, code):
    condition = Q()
    for path, translated in fields:
        paths = [path] if not translated else {f"{path}_nl", f"{path}_{code}"}
        for one in paths:
            condition |= Q(**{f"{one}__icontains": word})
    return condition


def _matching(queryset, fields, search, code, *, extra=None):
    """`queryset` narrowed to rows matching `search` (a prepared fulltext.Search) in `fields` (or
    `extra`, a condition on related rows), best first on PostgreSQL. A word also matches
    through its related words."""
    query = search.text
    if fulltext.is_postgresql():
        search_query = fulltext.search_query(query, code, search.related)
        queryset = queryset.annotate(vector=_vector(fields, code))
        condition = Q(vector=search_query)
        if extra is not None:
            condition |= extra(search_query)
        return (
            queryset.filter(condition)
            .annotate(rank=SearchRank(F("vector"), search_query))
            .order_by("-rank")
        )
    for word, excluded in fulltext.split_words(query):

        def condition_for(term):
            condition = _word_condition(fields, term, code)
            return condition | extra(term) if extra is not None else condition

        condition = (
            condition_for(word)
            if excluded
            else fulltext.word_condition(word, code, search.related, condition_for)
        )
        queryset = queryset.exclude(condition) if excluded else queryset.filter(condition)
    return queryset


def _tips_matching(code):
    def condition(term):
        tips = Tip.objects.filter(guidance=OuterRef("pk"))
        if fulltext.is_postgresql():
            tips = tips.annotate(vector=_vector(TIP_FIELDS, code)).filter(vector=term)
        else:
            tips = tips.filter(_word_condition(TIP_FIELDS, term, code))
        return Exists(tips)

    return condition


def site_search(query, local=None):
    """The matches for `query`, grouped by kind, each group at most LIMIT items; on a gemeente's
    host (`local`) its own examples and the national ones (PracticeExample.in_layer)."""
    code = fulltext.language()
    search = fulltext.prepare(query, code)
    phases = _matching(Phase.objects.all(), PHASE_FIELDS, search, code).order_by(
        *(["-rank"] if fulltext.is_postgresql() else []), "position"
    )
    guidances = _matching(
        Guidance.objects.published().select_related("phase", "activity_type"),
        GUIDANCE_FIELDS,
        search,
        code,
        extra=_tips_matching(code),
    ).order_by(*(["-rank"] if fulltext.is_postgresql() else []), "phase__position", "position")
    examples = (
        fulltext.ranked(
            fulltext.matching(PracticeExample.objects.published().in_layer(local), search), search
        )
        .own_first(local)
        .for_cards()
    )
    publications = _matching(
        Publication.objects.published(), PUBLICATION_FIELDS, search, code
    ).order_by(*(["-rank"] if fulltext.is_postgresql() else []), "position", "title")
    return [
        Group("phases", list(phases[:LIMIT])),
        Group("guidance", list(guidances[:LIMIT])),
        Group("examples", list(examples[:LIMIT])),
        Group("library", list(publications[:LIMIT])),
    ]
