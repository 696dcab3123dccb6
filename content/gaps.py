"""What editors still have to write: gaps in the content, across all apps.

Used by `manage.py checkcontent`; the test suite runs it over the shipped fixtures.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.urls import Resolver404, resolve
from django.utils import translation
from modeltranslation.translator import translator

from activities.models import ActivityType, Guidance
from examples.models import PracticeExample
from library.models import Publication
from phases.models import Phase
from wijkscan.models import ScanQuestion

MIN_WORKS_TIPS = 3
MIN_DOES_NOT_WORK_TIPS = 2
MIN_EXAMPLES = 2
PHASE_REQUIRED_FIELDS = [
    "headline",
    "current_quote",
    "current_text",
    "desired_quote",
    "desired_text",
    "signals",
    "call_to_action",
]
# A site path in a text: starts after a space, a bracket or a quote and runs to the next space;
# punctuation that ends a sentence is not part of it.
INTERNAL_LINK = re.compile(
    r"""(?:^|(?<=[\s("']))(/(?:en/)?(?:verbinden|bibliotheek|bindingsladder|wijkscan)/[^\s)"'<>]*)"""
)
TRAILING_PUNCTUATION = ".,;:!?"
LANGUAGES = [code for code, _ in settings.LANGUAGES]


@dataclass(frozen=True)
class Gap:
    where: str
    problem: str

    def __str__(self):
        return f"{self.where}: {self.problem}"


def _label(obj):
    return f"{obj._meta.verbose_name} '{obj}' (id {obj.pk})"


def missing_translations():
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).get_field_names()
        for obj in model._default_manager.all():
            for field in fields:
                values = {code: getattr(obj, f"{field}_{code}") for code in LANGUAGES}
                if any(values.values()):
                    for code, value in values.items():
                        if not value:
                            yield Gap(_label(obj), f"{field} has no {code} text")


def incomplete_phases():
    for phase in Phase.objects.all():
        for field in PHASE_REQUIRED_FIELDS:
            if not getattr(phase, f"{field}_nl"):
                yield Gap(_label(phase), f"{field} is empty")
        if not phase.guidances.published().exists():
            yield Gap(_label(phase), "has no published activity types")


def incomplete_guidance():
    guidances = Guidance.objects.published().select_related("phase", "activity_type")
    for guidance in guidances.prefetch_related("tips", "sources"):
        works = len(guidance.works)
        does_not_work = len(guidance.does_not_work)
        if works < MIN_WORKS_TIPS:
            yield Gap(_label(guidance), f"{works} 'works' tips, needs {MIN_WORKS_TIPS}")
        if does_not_work < MIN_DOES_NOT_WORK_TIPS:
            yield Gap(
                _label(guidance),
                f"{does_not_work} 'does not work' tips, needs {MIN_DOES_NOT_WORK_TIPS}",
            )
        if not guidance.sources.all():
            yield Gap(_label(guidance), "names no sources")
        if not guidance.last_reviewed:
            yield Gap(_label(guidance), "has no last-reviewed date")


def activity_types_without_rung():
    for activity_type in ActivityType.objects.filter(rung=None, off_ladder=False):
        yield Gap(
            _label(activity_type),
            "has no rung on the binding ladder (or tick 'not on the binding ladder')",
        )


def activity_types_without_effort():
    for activity_type in ActivityType.objects.all():
        for field in ("effort_time", "effort_people", "effort_money"):
            if not getattr(activity_type, field):
                yield Gap(_label(activity_type), f"{field} is not filled in")


def _normalised(text):
    return " ".join(text.split()).casefold()


def repeated_guidance_texts():
    """A tip or target-group text that repeats another guidance's, word for word.

    Advice for one phase should be written for that phase; a text copied from another guidance
    usually means it was not. Repeats within one guidance are left to the editor.
    """
    guidances = Guidance.objects.select_related("phase", "activity_type").prefetch_related("tips")
    for code in LANGUAGES:
        first_seen = {}
        for guidance in guidances.order_by("phase__position", "position", "id"):
            texts = [("target-group advice", getattr(guidance, f"target_group_advice_{code}"))]
            texts += [("tip", getattr(tip, f"text_{code}")) for tip in guidance.tips.all()]
            for kind, text in texts:
                key = _normalised(text or "")
                if not key:
                    continue
                earlier = first_seen.setdefault(key, guidance)
                if earlier.pk != guidance.pk:
                    yield Gap(
                        _label(guidance),
                        f"{kind} ({code}) repeats the text of guidance '{earlier}' word for "
                        f"word: “{(text or '').strip()[:60]}”",
                    )


def examples_without_guidance():
    for example in PracticeExample.objects.filter(guidances=None):
        yield Gap(_label(example), "illustrates no guidance")


def guidance_with_too_few_examples():
    """Published guidance that fewer than MIN_EXAMPLES published practice examples illustrate."""
    guidances = Guidance.objects.published().select_related("phase", "activity_type")
    counts = guidances.annotate(
        published_examples=Count("examples", filter=Q(examples__is_published=True))
    )
    for guidance in counts.filter(published_examples__lt=MIN_EXAMPLES):
        yield Gap(
            _label(guidance),
            f"{guidance.published_examples} published practice example(s), needs {MIN_EXAMPLES}",
        )


def published_examples_without_source():
    for example in PracticeExample.objects.published().filter(source_url=""):
        yield Gap(_label(example), "names no source (where the editors read about it)")


def _link_is_live(path):
    language = "en" if path.startswith("/en/") else settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return False
    kwargs = match.kwargs
    if match.view_name == "phases:detail":
        return Phase.objects.filter(slug=kwargs["slug"]).exists()
    if match.view_name == "activities:detail":
        return (
            Guidance.objects.published()
            .filter(phase__slug=kwargs["phase_slug"], activity_type__slug=kwargs["slug"])
            .exists()
        )
    if match.view_name == "library:detail":
        return Publication.objects.filter(slug=kwargs["slug"]).exists()
    return True


def dead_internal_links():
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).get_field_names()
        for obj in model._default_manager.all():
            for field in fields:
                for code in LANGUAGES:
                    text = getattr(obj, f"{field}_{code}") or ""
                    for match in INTERNAL_LINK.findall(text):
                        path = match.rstrip(TRAILING_PUNCTUATION)
                        if not _link_is_live(path):
                            yield Gap(_label(obj), f"{field}_{code} links to {path}, which is gone")


def incomplete_scan():
    for question in ScanQuestion.objects.for_scan():
        answers = question.answers.all()
        if len(answers) < 2:
            yield Gap(_label(question), "has fewer than two answers")
        if not any(answer.weights.all() for answer in answers):
            yield Gap(_label(question), "has no answer that points to a phase")


CHECKS = [
    missing_translations,
    incomplete_phases,
    incomplete_guidance,
    activity_types_without_rung,
    activity_types_without_effort,
    repeated_guidance_texts,
    examples_without_guidance,
    guidance_with_too_few_examples,
    published_examples_without_source,
    incomplete_scan,
    dead_internal_links,
]


def find_content_gaps():
    return [gap for check in CHECKS for gap in check()]
