"""Searching practice examples: PostgreSQL full text with Dutch and English stemming, or words.

On PostgreSQL each example keeps a stored search vector per language (`search_nl` with the
`dutch` configuration, `search_en` with `english`), indexed with GIN. The vectors are rebuilt when
an example is saved and when its guidance links change (see ExamplesConfig.ready), and for all
examples by `manage.py seed` and `manage.py updatesearch`. A query uses websearch syntax
("buurtfeest -barbecue", "\"levende boeken\"") and the results are ranked.

On other databases (SQLite in development) the same query is split into words: every word must
occur in the name, organisation, place, description or the guidance an example illustrates; a
word with a leading minus must not.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Prefetch, Q, Value
from django.utils import translation

from activities.models import Guidance

CONFIGS = {"nl": "dutch", "en": "english"}
MAX_WORDS = 10
WORD = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')
PREFIX_WORD = re.compile(r"\w{2,}")


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
    parts = [
        (example.name, "A"),
        (f"{example.organisation} {example.place} {example.get_province_display()}", "B"),
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
        Prefetch("guidances", queryset=Guidance.objects.select_related("phase", "activity_type"))
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
    ]
    if code != "nl":
        fields += [
            f"description_{code}",
            f"what_worked_{code}",
            f"what_did_not_work_{code}",
            f"guidances__activity_type__name_{code}",
            f"guidances__phase__name_{code}",
        ]
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": word})
    return condition


def search_query(query, code):
    """The PostgreSQL query: websearch syntax, and the last word also as a prefix, so that the
    list finds "tuin" while someone is still typing "tui"."""
    config = CONFIGS[code]
    full = SearchQuery(query, config=config, search_type="websearch")
    terms = split_words(query)
    if not terms or query.rstrip().endswith('"'):
        return full
    last, excluded = terms[-1]
    if excluded or not PREFIX_WORD.fullmatch(last):
        return full
    prefix = SearchQuery(f"{last}:*", config=config, search_type="raw")
    rest = query.rstrip()[: -len(last)].strip()
    if rest:
        prefix = SearchQuery(rest, config=config, search_type="websearch") & prefix
    return full | prefix


def matching(examples, query):
    """These examples (a queryset) that match `query`, in no particular order."""
    code = language()
    if is_postgresql():
        return examples.filter(**{f"search_{code}": search_query(query, code)})
    terms = split_words(query)
    for word, excluded in terms:
        # Each word is looked up in a subquery of its own, so the joins over guidance never
        # multiply the rows of the list.
        ids = examples.model.objects.filter(_word_condition(word, code)).values("pk")
        examples = examples.exclude(pk__in=ids) if excluded else examples.filter(pk__in=ids)
    return examples


def ranked(examples, query):
    """These examples best match first (PostgreSQL); elsewhere unchanged."""
    if not is_postgresql():
        return examples
    code = language()
    field = f"search_{code}"
    rank = SearchRank(F(field), search_query(query, code))
    return examples.annotate(rank=rank).order_by("-rank", "name")
