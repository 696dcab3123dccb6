"""All published content as open data: rows per kind, both languages, the site's own URLs.

Drafts never appear: every kind with drafts goes through its `published()` queryset.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from activities.models import ActivityType, Guidance
from examples.models import PracticeExample
from library.models import Publication
from phases.models import Phase

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _urls(absolute, url_name=None, *, obj=None, **kwargs):
    """The item's address in each language, absolute: {"url_nl": ..., "url_en": ...}."""
    urls = {}
    for code in LANGUAGES:
        with translation.override(code):
            try:
                path = obj.get_absolute_url() if obj is not None else reverse(url_name, **kwargs)
            except NoReverseMatch:
                path = ""
        urls[f"url_{code}"] = absolute(path) if path else ""
    return urls


def _texts(obj, *names):
    return {
        f"{name}_{code}": getattr(obj, f"{name}_{code}") or ""
        for name in names
        for code in LANGUAGES
    }


def phases(absolute, local=None):
    return [
        {
            "slug": phase.slug,
            "position": phase.position,
            "colour": phase.colour,
            **_texts(
                phase,
                "name",
                "title",
                "headline",
                "current_quote",
                "current_text",
                "desired_quote",
                "desired_text",
                "signals",
                "worsening_signals",
                "improving_signals",
                "urgent_help",
            ),
            **_urls(absolute, obj=phase),
        }
        for phase in Phase.objects.for_overview()
    ]


def activity_types(absolute, local=None):
    rows = []
    for activity in ActivityType.objects.select_related("rung").order_by("position", "slug"):
        rows.append(
            {
                "slug": activity.slug,
                "position": activity.position,
                "rung": activity.rung.number if activity.rung else None,
                **_texts(activity, "name", "summary"),
            }
        )
    return rows


def guidance(absolute, local=None):
    rows = []
    queryset = Guidance.objects.published().in_phase_order().prefetch_related("tips", "sources")
    for item in queryset:
        tips = list(item.tips.all())
        rows.append(
            {
                "phase": item.phase.slug,
                "activity_type": item.activity_type.slug,
                "position": item.position,
                **_texts(item, "introduction", "target_group_advice"),
                "last_reviewed": item.last_reviewed.isoformat() if item.last_reviewed else "",
                "sources": [source.slug for source in item.sources.all() if source.is_published],
                "tips": [
                    {"kind": tip.kind, "position": tip.position, **_texts(tip, "text")}
                    for tip in tips
                ],
                **_urls(absolute, obj=item),
            }
        )
    return rows


def examples(absolute, local=None):
    """The published examples; on a gemeente's host (`local`) the national ones and its own."""
    return [
        {
            "slug": example.slug,
            "name": example.name,
            "organisation": example.organisation,
            "place": example.place,
            **_texts(example, "description"),
            "website": example.website,
            "source_url": example.source_url,
            "year": example.year,
            "gemeente": example.gemeente.name if example.gemeente_id else "",
            "guidance": [
                f"{link.phase.slug}/{link.activity_type.slug}"
                for link in example.guidances.all()
                if link.is_published
            ],
            **_urls(absolute, "examples:detail", kwargs={"slug": example.slug}),
        }
        for example in PracticeExample.objects.published()
        .in_layer(local)
        .order_by("slug")
        .select_related("gemeente")
        .prefetch_related("guidances__phase", "guidances__activity_type")
    ]


def publications(absolute, local=None):
    return [
        {
            "slug": publication.slug,
            "position": publication.position,
            "title": publication.title,
            **_texts(publication, "kind", "summary", "key_points"),
            "authors": publication.authors,
            "publisher": publication.publisher,
            "year": publication.year,
            "source_url": publication.url,
            **_urls(absolute, obj=publication),
        }
        for publication in Publication.objects.published().for_list()
    ]


# URL name part -> (function, title shown on the page)
DATASETS = {
    "phases": phases,
    "activity-types": activity_types,
    "guidance": guidance,
    "examples": examples,
    "publications": publications,
}


def csv_row(row):
    """A row flattened for CSV: lists joined by newlines, tips as one column per kind and
    language."""
    flat = {}
    for key, value in row.items():
        if key == "tips":
            for kind in ("works", "does_not_work"):
                for code in LANGUAGES:
                    flat[f"tips_{kind}_{code}"] = "\n".join(
                        tip[f"text_{code}"] for tip in value if tip["kind"] == kind
                    )
        elif isinstance(value, list):
            flat[key] = "\n".join(str(item) for item in value)
        else:
            flat[key] = "" if value is None else value
    return flat
