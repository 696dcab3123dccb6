"""How fast the buurtoverleg's overview and its 10-second poll answer at the participant cap.

Run with `make bench`. Like benchmarks/pages.py it uses an in-memory SQLite database with the seed
content and Django's test client. One buurtoverleg gets MAX_PARTICIPANTS (200) answer sets, spread
over the roles and answers, each with a line. "miss" is the first request after a change of the
buurtoverleg (an answer moves its last change, so the overview is worked out again); "cached" is
every later request until the next change. Target: 100 ms or less for each at 200 participants.
"""

import logging
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
TARGET_MS = 100

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)
warnings.filterwarnings("ignore", "No directory at")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from buurtoverleg.models import (  # noqa: E402
    MAX_PARTICIPANTS,
    Overleg,
    ParticipantRole,
    Response,
    ResponseAnswer,
)
from buurtoverleg.tokens import new_token, token_hash  # noqa: E402
from wijkscan.models import ScanQuestion  # noqa: E402


def team(participants):
    """A buurtoverleg with `participants` answer sets; its manage path."""
    manage_token = new_token()
    overleg = Overleg.objects.create(
        name="Bench", manage_token_hash=token_hash(manage_token), participant_token=new_token()
    )
    roles = list(ParticipantRole.objects.all())
    questions = list(ScanQuestion.objects.for_scan())
    responses = Response.objects.bulk_create(
        Response(
            overleg=overleg,
            edit_token_hash=token_hash(new_token()),
            role=roles[number % len(roles)],
            observation=f"Wat deelnemer {number} ziet op het plein",
        )
        for number in range(participants)
    )
    ResponseAnswer.objects.bulk_create(
        ResponseAnswer(
            response=response,
            question=question,
            answer=question.answers.all()[(number + index) % len(question.answers.all())],
        )
        for number, response in enumerate(responses)
        for index, question in enumerate(questions)
    )
    overleg.touch()
    return overleg, f"/buurtoverleg/b/{manage_token}/"


def timed(run, before=None):
    timings = []
    for _ in range(ROUNDS):
        if before:
            before()
        start = time.perf_counter()
        response = run()
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings)


def queries(run, before=None):
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    client = Client()
    overleg, manage = team(MAX_PARTICIPANTS)
    live = f"{manage}stand/"
    print(
        f"buurtoverleg at {MAX_PARTICIPANTS} participants: median of {ROUNDS} requests, "
        f"in-memory SQLite, Django test client (target ≤ {TARGET_MS} ms)"
    )
    print(f"\n  {'':<28}{'ms':>8}{'queries':>9}")
    for name, path in (("overview", manage), ("poll (live part)", live)):
        run = lambda path=path: client.get(path)  # noqa: E731
        client.get(path)
        rows = [
            ("miss", timed(run, overleg.touch), queries(run, overleg.touch)),
            ("cached", timed(run), queries(run)),
        ]
        for kind, ms, count in rows:
            flag = "" if ms <= TARGET_MS else "  over target"
            print(f"  {name + ', ' + kind:<28}{ms:>8.1f}{count:>9}{flag}")


if __name__ == "__main__":
    main()
