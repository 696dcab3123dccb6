"""Searching practice examples: PostgreSQL full text with Dutch and English stemming, or words.

On PostgreSQL each example keeps a stored search vector per language (`search_nl` with the
`dutch` configuration, `search_en` with `english`), indexed with GIN. The vectors are rebuilt when
an example is saved and when its guidance links change (see ExamplesConfig.ready), and for all
examples by `manage.py seed` and `manage.py updatesearch`. A query uses websearch syntax
("buurtfeest -barbecue", "\"levende boeken\"") and the results are ranked.

On other databases (SQLite in development) the same query is split into words: every word must
occur in the name, organisation, place, description, setting, target group or the guidance an
example illustrates; a word with a leading minus must not.

Everyday words: a searched word may have related words (an editable list, kept by the site search
app above this one, which hands its lookup to `set_related_words`). "hangjongeren" then also
finds "jongeren op het plein": on both databases a word matches when it or one of its related
words does. A query is looked up once (`prepare`) and the result is passed along.
"""

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Prefetch, Q, Value
from django.utils import translation

from activities.models import Guidance

CONFIGS = {"nl": "dutch", "en": "english"}
MAX_WORDS = 10
WORD = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')
PREFIX_WORD = re.compile(r"\w{2,}")


# How to find the related words of a query's words: provider(words, code) -> {word: [related]}.
# Set by the search app (search.apps), which keeps the editable list; none means no related words.
_related_words = None


def set_related_words(provider):
    global _related_words
    _related_words = provider


@dataclass(frozen=True)
class Search:
    """A visitor's search text, its language, and the related words of its words."""

    text: str
    code: str
    related: dict = dataclass_field(default_factory=dict)

    def __bool__(self):
        return bool(self.text)


def prepare(query, code=None):
    """`query` with the related words of its (not excluded) words: at most one query."""
    if isinstance(query, Search):
        return query
    code = code or language()
    words = {text.lower() for text, excluded in split_words(query) if not excluded}
    related = _related_words(words, code) if words and _related_words is not None else {}
    return Search(query, code, related)


def is_postgresql():
    return connection.vendor == "postgresql"


def language():
    code = (translation.get_language() or "nl")[:2]
    return code if code in CONFIGS else "nl"


def _text(obj, field, code):
    """A translated field in `code`, falling back to Dutch like the pages do."""
    return getattr(obj, f"{field}_{code}", None) or getattr(obj, f"{field}_nl", None) or ""


def _vector(example, code):
    config = CONFIGS[code]
    guidance_words = " ".join(
        f"{_text(g.activity_type, 'name', code)} {_text(g.phase, 'name', code)}"
        for g in example.guidances.all()
    )
    labels = " ".join(
        _text(item, "name", code)
        for item in [*example.settings.all(), *example.dividing_lines.all()]
    )
    parts = [
        (example.name, "A"),
        (f"{example.organisation} {example.place} {example.get_province_display()} {labels}", "B"),
        (
            " ".join(
                _text(example, field, code)
                for field in ("description", "what_worked", "what_did_not_work")
            ),
            "C",
        ),
        (guidance_words, "D"),
    ]
    vector = None
    for text, weight in parts:
        part = SearchVector(Value(text), config=config, weight=weight)
        vector = part if vector is None else vector + part
    return vector


def update_search_vectors(examples):
    """Rebuild the stored vectors of these examples (a queryset); nothing to do off PostgreSQL."""
    if not is_postgresql():
        return
    rows = examples.model.objects.filter(pk__in=examples.values("pk")).prefetch_related(
        Prefetch("guidances", queryset=Guidance.objects.select_related("phase", "activity_type")),
        "settings",
        "dividing_lines",
    )
    for example in rows:
        examples.model.objects.filter(pk=example.pk).update(
            search_nl=_vector(example, "nl"), search_en=_vector(example, "en")
        )


def split_words(query):
    """The query's words and quoted phrases as (text, excluded) pairs, at most MAX_WORDS."""
    terms = []
    for minus_phrase, phrase, minus_word, word in WORD.findall(query):
        text = (phrase or word).strip()
        if text and text != "-":
            terms.append((text, bool(minus_phrase or minus_word)))
    return terms[:MAX_WORDS]


def _word_condition(word, code):
    fields = [
        "name",
        "organisation",
        "place",
        "description_nl",
        "what_worked_nl",
        "what_did_not_work_nl",
        "guidances__activity_type__name_nl",
        "guidances__phase__name_nl",
        "settings__name_nl",
        "dividing_lines__name_nl",
    ]
    if code != "nl":
        fields += [
            f"description_{code}",
            f"what_worked_{code}",
            f"what_did_not_work_{code}",
            f"guidances__activity_type__name_{code}",
            f"guidances__phase__name_{code}",
            f"settings__name_{code}",
            f"dividing_lines__name_{code}",
        ]
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": word})
    return condition


def search_query(query, code, related=None):
    """The PostgreSQL query: websearch syntax, and the last word also as a prefix, so that the
    list finds "tuin" while someone is still typing "tui"; with `related` words ({word:
    [related]}), every word or one of its related words (phrases, each stemmed)."""
    full, prefix = _typed_parts(query, code)
    expanded = _expanded(query, code, related) if related else None
    if expanded is not None:
        # The expanded query holds each typed word (or quoted phrase) as itself, so it finds all
        # that the typed query finds, and asking for both only costs time; websearch's "or" is
        # the one thing it does not read the same way.
        words = {text.lower() for text, _excluded in split_words(query)}
        full = expanded if "or" not in words else full | expanded
    return full if prefix is None else full | prefix


def _expanded(query, code, related):
    config = CONFIGS[code]
    expanded = None
    for text, excluded in split_words(query):
        part = SearchQuery(text, config=config, search_type="phrase")
        if excluded:
            part = ~part
        else:
            for word in related.get(text.lower(), []):
                part |= SearchQuery(word, config=config, search_type="phrase")
        expanded = part if expanded is None else expanded & part
    return expanded


def _typed_parts(query, code):
    """The websearch query, and the query with the last word as a prefix (or None)."""
    config = CONFIGS[code]
    full = SearchQuery(query, config=config, search_type="websearch")
    terms = split_words(query)
    if not terms or query.rstrip().endswith('"'):
        return full, None
    last, excluded = terms[-1]
    if excluded or not PREFIX_WORD.fullmatch(last):
        return full, None
    prefix = SearchQuery(f"{last}:*", config=config, search_type="raw")
    rest = query.rstrip()[: -len(last)].strip()
    if rest:
        prefix = SearchQuery(rest, config=config, search_type="websearch") & prefix
    return full, prefix


def word_condition(word, code, related, condition_for):
    """`condition_for(word)`, or that of one of the word's related words (SQLite)."""
    condition = condition_for(word)
    for other in related.get(word.lower(), []):
        condition |= condition_for(other)
    return condition


def matching(examples, query):
    """These examples (a queryset) that match `query` (text or a prepared Search), in no
    particular order."""
    search = prepare(query)
    code = search.code
    if is_postgresql():
        return examples.filter(
            **{f"search_{code}": search_query(search.text, code, search.related)}
        )
    for word, excluded in split_words(search.text):
        # Each word is looked up in a subquery of its own, so the joins over guidance never
        # multiply the rows of the list.
        condition = (
            _word_condition(word, code)
            if excluded
            else word_condition(word, code, search.related, lambda w: _word_condition(w, code))
        )
        ids = examples.model.objects.filter(condition).values("pk")
        examples = examples.exclude(pk__in=ids) if excluded else examples.filter(pk__in=ids)
    return examples


def ranked(examples, query):
    """These examples best match first (PostgreSQL); elsewhere unchanged.

    Ranked by the words as typed: an example that uses the visitor's own word comes before one
    found through a related word, and the rank stays as cheap as without related words (it is
    worked out for every match)."""
    if not is_postgresql():
        return examples
    search = prepare(query)
    code = search.code
    rank = SearchRank(F(f"search_{code}"), search_query(search.text, code))
    return examples.annotate(rank=rank).order_by("-rank", "name")
