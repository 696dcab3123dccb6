"""A database from before rounds keeps every answer: they become round 1 of their buurtoverleg."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_ROUNDS = [("buurtoverleg", "0001_initial")]
WITH_ROUNDS = [("buurtoverleg", "0002_rounds_and_outcomes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets, at_end=True).apps


def test_existing_answers_are_put_in_round_one_and_nothing_is_lost(scan):
    apps = _migrate(BEFORE_ROUNDS)
    Overleg = apps.get_model("buurtoverleg", "Overleg")
    Response = apps.get_model("buurtoverleg", "Response")
    ResponseAnswer = apps.get_model("buurtoverleg", "ResponseAnswer")
    question = scan["questions"][0]
    answer = question.answers.first()
    made = {}
    for name, count in (("Noord", 2), ("Zuid", 1), ("Leeg", 0)):
        overleg = Overleg.objects.create(
            name=name, manage_token_hash=name.ljust(64, "a"), participant_token=name.ljust(43, "b")
        )
        made[name] = overleg.created_at
        for number in range(count):
            response = Response.objects.create(
                overleg=overleg, edit_token_hash=f"{name}{number}".ljust(64, "c")
            )
            ResponseAnswer.objects.create(
                response=response, question_id=question.pk, answer_id=answer.pk
            )

    try:
        apps = _migrate(WITH_ROUNDS)
        Round = apps.get_model("buurtoverleg", "Round")
        Response = apps.get_model("buurtoverleg", "Response")
        ResponseAnswer = apps.get_model("buurtoverleg", "ResponseAnswer")

        rounds = {r.overleg.name: r for r in Round.objects.select_related("overleg")}
        assert {name: r.number for name, r in rounds.items()} == {"Noord": 1, "Zuid": 1, "Leeg": 1}
        assert {name: r.started_at for name, r in rounds.items()} == made
        assert sorted(Response.objects.values_list("overleg__name", "round__number")) == [
            ("Noord", 1),
            ("Noord", 1),
            ("Zuid", 1),
        ]
        assert all(r.round.overleg_id == r.overleg_id for r in Response.objects.all())
        assert ResponseAnswer.objects.count() == 3
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
