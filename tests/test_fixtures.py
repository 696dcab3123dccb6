"""The shipped seed content: it loads, it is complete in both languages, and every page renders."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from activities.models import ActivityType, Guidance, Tip
from examples.models import PracticeExample
from phases.models import Phase
from wijkscan.models import ScanAnswer, ScanQuestion
from wijkscan.scoring import Clarity, score

PHASE_SLUGS = ["in-rust", "bij-ongemak", "bij-spanningen", "bij-incidenten"]
TRANSLATED_PHASE_FIELDS = [
    "name",
    "title",
    "headline",
    "current_quote",
    "current_text",
    "desired_quote",
    "desired_text",
    "call_to_action",
]


@pytest.fixture
def seed(db):
    call_command("seed", verbosity=0)


def test_the_four_phases_come_in_order_with_the_originals_slugs_and_colours(seed):
    phases = list(Phase.objects.for_overview())

    assert [p.slug for p in phases] == PHASE_SLUGS
    assert [p.colour for p in phases] == ["green", "yellow", "pink", "red"]


@pytest.mark.parametrize("field", TRANSLATED_PHASE_FIELDS)
def test_every_phase_has_its_texts_in_dutch_and_english(seed, field):
    for phase in Phase.objects.all():
        assert getattr(phase, f"{field}_nl"), f"{phase.slug}: {field}_nl is empty"
        assert getattr(phase, f"{field}_en"), f"{phase.slug}: {field}_en is empty"


def test_every_activity_type_guidance_tip_and_example_is_complete_in_both_languages(seed):
    rows = [
        *((obj, field) for obj in ActivityType.objects.all() for field in ("name", "summary")),
        *((obj, "introduction") for obj in Guidance.objects.all()),
        *((obj, "text") for obj in Tip.objects.all()),
        *((obj, "description") for obj in PracticeExample.objects.all()),
    ]

    gaps = [
        f"{obj._meta.model_name} {obj.pk}: {field}_{language}"
        for obj, field in rows
        for language in ("nl", "en")
        if not getattr(obj, f"{field}_{language}")
    ]

    assert gaps == []


def test_every_guidance_has_tips_of_both_kinds(seed):
    for guidance in Guidance.objects.prefetch_related("tips"):
        assert guidance.works, f"{guidance}: no 'werkt wel' tip"
        assert guidance.does_not_work, f"{guidance}: no 'werkt niet' tip"


def test_the_phase_matrix_of_the_original_is_covered(seed):
    matrix = {
        (g.phase.slug, g.activity_type.slug)
        for g in Guidance.objects.select_related("phase", "activity_type")
    }

    assert ("in-rust", "elkaar-helpen") in matrix
    assert ("bij-ongemak", "samenwerken-aan-een-gemeenschappelijk-belang") in matrix
    assert ("bij-spanningen", "vergroten-veiligheidsgevoel-in-de-wijk") in matrix
    assert ("bij-incidenten", "aanpakken-en-handhaven") in matrix
    assert len(matrix) == 15


def test_every_practice_example_illustrates_some_guidance(seed):
    assert not PracticeExample.objects.filter(guidances=None).exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_phase_and_activity_page_renders(seed, client, language):
    with translation.override(language):
        assert client.get(reverse("phases:list")).status_code == 200
        for phase in Phase.objects.all():
            assertContains(client.get(phase.get_absolute_url()), phase.headline)
        for guidance in Guidance.objects.select_related("phase", "activity_type__rung"):
            response = client.get(guidance.get_absolute_url())
            assertContains(response, guidance.activity_type.name)
            assertContains(response, f'<html lang="{language}">')
            rung = guidance.activity_type.rung
            if rung:
                assertContains(
                    response, f"{rung.number} of 4" if language == "en" else f"{rung.number} van 4"
                )
            else:
                assert guidance.activity_type.off_ladder
                assertContains(response, 'bindingsladder/#not-on-the-ladder"')
            assertContains(response, 'id="sources-heading"')
            assertContains(response, 'class="last-reviewed"')
            assertContains(response, 'class="effort-list"')
            if guidance.target_group_advice:
                assertContains(response, 'id="target-group-heading"')


def test_seed_is_idempotent_and_leaves_edited_content_alone(seed):
    Phase.objects.filter(slug="in-rust").update(headline_nl="Door een redacteur aangepast")

    call_command("seed", verbosity=0)

    assert Phase.objects.count() == 4
    assert Phase.objects.get(slug="in-rust").headline_nl == "Door een redacteur aangepast"


def test_seed_force_restores_the_shipped_content(seed):
    Phase.objects.filter(slug="in-rust").update(headline_nl="Door een redacteur aangepast")

    call_command("seed", force=True, verbosity=0)

    assert Phase.objects.get(slug="in-rust").headline_nl.startswith("Investeren")


@pytest.mark.parametrize("phase_slug", PHASE_SLUGS)
def test_the_shipped_wijkscan_can_point_clearly_to_each_phase(seed, phase_slug):
    """Answering every question with its strongest signal of a phase suggests that phase."""
    phases = list(Phase.objects.for_overview())
    target = next(p for p in phases if p.slug == phase_slug)
    chosen = []
    for question in ScanQuestion.objects.for_scan():

        def points(answer):
            return sum(w.points for w in answer.weights.all() if w.phase_id == target.pk)

        best = max(question.answers.all(), key=points)
        if points(best):
            chosen.append((question, best))

    result = score(chosen, phases)

    assert result.phase == target
    assert result.clarity in {Clarity.CLEAR, Clarity.TENTATIVE}


def test_safety_activities_are_placed_off_the_ladder_and_every_type_has_its_effort(seed):
    off_ladder = set(ActivityType.objects.filter(off_ladder=True).values_list("slug", flat=True))

    assert off_ladder == {"aanpakken-en-handhaven", "vergroten-veiligheidsgevoel-in-de-wijk"}
    assert not ActivityType.objects.filter(rung=None, off_ladder=False).exists()
    for field in ("effort_time", "effort_people", "effort_money"):
        assert not ActivityType.objects.filter(**{field: ""}).exists()


def test_the_answers_that_report_threats_or_violence_show_the_help_box(seed):
    flagged = {
        (answer.question.slug, answer.slug)
        for answer in ScanAnswer.objects.filter(needs_urgent_help=True).select_related("question")
    }

    assert ("confrontaties", "geweld") in flagged
    assert ("sfeer", "onveilig") in flagged
    assert ("contact", "veel") not in flagged


MIN_EXAMPLES = 40
MIN_EXAMPLES_PER_GUIDANCE = 2


def test_the_practice_examples_are_many_valid_and_each_names_its_source(seed):
    examples = list(PracticeExample.objects.published())

    assert len(examples) >= MIN_EXAMPLES
    for example in examples:
        example.full_clean()  # addresses, year range, lengths
        assert example.source_url, f"{example.slug}: no source"


def test_every_published_guidance_has_at_least_two_published_examples(seed):
    short = {
        str(guidance): count
        for guidance in Guidance.objects.published().select_related("phase", "activity_type")
        if (count := guidance.examples.published().count()) < MIN_EXAMPLES_PER_GUIDANCE
    }

    assert short == {}
