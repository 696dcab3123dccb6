"""Examples approved from a submission in English before `written_in` existed are marked English."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("examples", "0008_gemeente_editor_permissions")]
AFTER = [("examples", "0009_written_in")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets, at_end=True).apps


def test_examples_shared_in_english_are_marked_written_in_english():
    apps = _migrate(BEFORE)
    Example = apps.get_model("examples", "PracticeExample")
    Submission = apps.get_model("examples", "ExampleSubmission")
    made = {}
    for slug, language in (
        ("in-het-engels", "en"),
        ("in-het-nederlands", "nl"),
        ("redactie", None),
    ):
        example = Example.objects.create(slug=slug, name=slug, description_nl="Tekst.")
        made[slug] = example.pk
        if language:
            Submission.objects.create(
                name=slug, place="Ergens", description="Tekst.", language=language, example=example
            )

    try:
        apps = _migrate(AFTER)
        Example = apps.get_model("examples", "PracticeExample")
        assert dict(Example.objects.values_list("slug", "written_in")) == {
            "in-het-engels": "en",
            "in-het-nederlands": "nl",
            "redactie": "nl",
        }
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
