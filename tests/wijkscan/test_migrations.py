"""A database created before the wijkscan became its own app keeps its scan through the move."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from pytest_django.asserts import assertContains

from wijkscan.models import ScanAnswer, ScanQuestion, ScanWeight

BEFORE_THE_MOVE = [("phases", "0001_initial"), ("wijkscan", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]], at_end=True).apps


@pytest.fixture
def old_database():
    """The schema and content types as they were on main before the move, with a small scan."""
    apps = _migrate(BEFORE_THE_MOVE)
    Phase = apps.get_model("phases", "Phase")
    Question = apps.get_model("phases", "ScanQuestion")
    Answer = apps.get_model("phases", "ScanAnswer")
    Weight = apps.get_model("phases", "ScanWeight")
    ContentType.objects.clear_cache()
    ContentType.objects.filter(app_label="wijkscan").delete()
    content_type, _ = ContentType.objects.get_or_create(app_label="phases", model="scanquestion")

    phase_texts = {"headline_nl": "Kop", "current_text_nl": "Nu", "desired_text_nl": "Straks"}
    rust = Phase.objects.create(
        slug="in-rust",
        position=1,
        colour="green",
        name_nl="Rust",
        title_nl="Verbinden in rust",
        **phase_texts,
    )
    spanning = Phase.objects.create(
        slug="bij-spanningen",
        position=3,
        colour="pink",
        name_nl="Spanning",
        title_nl="Verbinden bij spanningen",
        **phase_texts,
    )
    question = Question.objects.create(slug="sfeer", position=1, text_nl="Hoe is de sfeer?")
    calm = Answer.objects.create(question=question, slug="rustig", position=1, text_nl="Rustig")
    tense = Answer.objects.create(
        question=question, slug="gespannen", position=2, text_nl="Gespannen"
    )
    Weight.objects.create(answer=calm, phase=rust, points=3)
    Weight.objects.create(answer=tense, phase=spanning, points=4)
    yield {"question": question.pk, "content_type": content_type.pk}
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_migrating_an_old_database_keeps_every_scan_row_and_content_type(old_database):
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    question = ScanQuestion.objects.get(pk=old_database["question"])
    assert question.text_nl == "Hoe is de sfeer?"
    assert [a.slug for a in ScanAnswer.objects.filter(question=question)] == ["rustig", "gespannen"]
    assert ScanWeight.objects.count() == 2
    moved = ContentType.objects.get_for_model(ScanQuestion)
    assert moved.pk == old_database["content_type"]
    assert not ContentType.objects.filter(app_label="phases", model="scanquestion").exists()


@pytest.mark.django_db(transaction=True)
def test_an_old_scan_link_gives_the_same_outcome_after_the_migration(client, old_database):
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    response = client.get("/wijkscan/resultaat/?sfeer=gespannen")

    assertContains(response, "Jouw wijk lijkt in de fase Spanning te zitten")
