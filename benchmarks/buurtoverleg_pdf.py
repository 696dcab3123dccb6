"""Print how long the buurtoverleg's plan PDF takes at the largest plan the forms allow.

Run with `make bench`. Like pages.py it uses an in-memory SQLite database with the seed content and
Django's test client. The plan is as large as it can be: every activity of the phase with the most
activities, every text field filled to the length its form accepts (a field without a limit gets
FALLBACK_LENGTH characters), every tip ticked, an outcome with a full line for each activity, three
rounds, and PARTICIPANTS answers. "render" is a request after a change of the plan (WeasyPrint
renders it, tagged as PDF/UA-1); "cached" is the next request, served from the cache
(buurtoverleg/pdf.py). Target: render at most TARGET_SECONDS.
"""

import datetime
import io
import logging
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

RENDERS = int(os.environ.get("BENCH_PDF_RENDERS", "5"))
CACHED = int(os.environ.get("BENCH_PDF_CACHED", "20"))
TARGET_SECONDS = 2.0
FALLBACK_LENGTH = 2000
PARTICIPANTS = 60
ROUNDS = 3
MEETING = datetime.date(2027, 3, 1)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402
import pypdf  # noqa: E402

django.setup()
logging.disable(logging.WARNING)
warnings.filterwarnings("ignore", "No directory at")

from django.core.management import call_command  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from activities.models import Guidance  # noqa: E402
from buurtoverleg.forms import AgreementForm, OutcomeForm, PlanItemForm, StartForm  # noqa: E402
from buurtoverleg.models import (  # noqa: E402
    Overleg,
    ParticipantRole,
    PlanItem,
    Response,
    Round,
)
from buurtoverleg.tokens import new_token, token_hash  # noqa: E402
from phases.models import Phase  # noqa: E402

SENTENCE = (
    "Bewoners van verschillende straten nodigen elkaar uit voor koffie op het plein, "
    "en de school en het buurthuis helpen met de uitnodiging. "
)


def text(length):
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length]


def limit(form_class, name):
    field = form_class.base_fields.get(name)
    return getattr(field, "max_length", None) or FALLBACK_LENGTH


def largest_plan():
    """A buurtoverleg with the largest plan the forms allow; its manage token."""
    phase = (
        Phase.objects.annotate(published=Count("guidances", filter=Q(guidances__is_published=True)))
        .order_by("-published")
        .first()
    )
    manage_token = new_token()
    overleg = Overleg.objects.create(
        name=text(limit(StartForm, "name")),
        manage_token_hash=token_hash(manage_token),
        participant_token=new_token(),
        agreed_phase=phase,
        dividing_lines=text(limit(AgreementForm, "dividing_lines")),
        groups=text(limit(AgreementForm, "groups")),
        places=text(limit(AgreementForm, "places")),
    )
    roles = list(ParticipantRole.objects.all())
    for number in range(1, ROUNDS + 1):
        round_ = Round.objects.create(overleg=overleg, number=number)
        Response.objects.bulk_create(
            Response(
                overleg=overleg,
                round=round_,
                edit_token_hash=token_hash(new_token()),
                role=roles[index % len(roles)] if roles else None,
            )
            for index in range(PARTICIPANTS)
        )
    guidances = Guidance.objects.published().filter(phase=phase).prefetch_related("tips")
    for position, guidance in enumerate(guidances):
        item = PlanItem.objects.create(
            overleg=overleg,
            guidance=guidance,
            position=position,
            goal=text(limit(PlanItemForm, "goal")),
            who=text(limit(PlanItemForm, "who")),
            partners=text(limit(PlanItemForm, "partners")),
            measure=text(limit(PlanItemForm, "measure")),
            date=MEETING,
            outcome=PlanItem.Outcome.PARTLY,
            outcome_note=text(limit(OutcomeForm, "outcome_note")),
            outcome_recorded_on=MEETING,
        )
        item.checked_tips.set(guidance.tips.all())
    return overleg, manage_token, len(guidances)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    overleg, manage_token, activities = largest_plan()
    client = Client()
    path = f"/buurtoverleg/b/{manage_token}/plan.pdf"
    client.get(path)  # imports WeasyPrint and loads its fonts once, as a running server has

    renders = []
    for _ in range(RENDERS):
        overleg.touch()  # a change of the plan: the next request renders again
        start = time.perf_counter()
        response = client.get(path)
        renders.append(time.perf_counter() - start)
    cached = []
    for _ in range(CACHED):
        start = time.perf_counter()
        client.get(path)
        cached.append((time.perf_counter() - start) * 1000)

    pages = len(pypdf.PdfReader(io.BytesIO(response.content)).pages)
    render = statistics.median(renders)
    print(
        f"plan PDF, largest plan ({activities} activities, {ROUNDS} rounds, "
        f"{PARTICIPANTS} participants per round, fields at their form limits)"
    )
    print(f"  size {len(response.content) / 1024:.0f} KB, {pages} pages")
    print(
        f"  render after a change: median {render:.2f} s, max {max(renders):.2f} s "
        f"({RENDERS} renders; target <= {TARGET_SECONDS:.0f} s: "
        f"{'met' if render <= TARGET_SECONDS else 'NOT met'})"
    )
    print(f"  from the cache: median {statistics.median(cached):.2f} ms ({CACHED} requests)")


if __name__ == "__main__":
    main()
