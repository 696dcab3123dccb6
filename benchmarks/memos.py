"""What each per-process memo outside pagecache/ saves: the same work with and without it.

Run with `make bench` (after benchmarks/pages.py). STYLE.md 6.15 keeps a per-process memo only
where this shows it pays, with the figure in a comment beside it. Like pages.py it uses an
in-memory SQLite database with the seed content and Django's test client, the page cache off
(a page-cache miss, with the shared data and rendered pieces warm). Each line is the median of
BENCH_MEMO_ROUNDS rounds (pages: a third of that), the two variants taking turns so that a
busy machine slows both alike.

- the language switcher's translated paths (wijkverbinder/context_processors.py): kept;
- the QR codes (core/templatetags/qr.py): kept;
- no memo any more, the work they saved timed on its own beside the page it is part of: the
  og image look-up (phases/og.py) and the wijkscan's question fields (wijkscan/forms.py).
"""

import logging
import os
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_MEMO_ROUNDS", "300"))

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)
warnings.filterwarnings("ignore", "No directory at")

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402

from core.templatetags import qr  # noqa: E402
from phases import og  # noqa: E402
from phases.models import Phase  # noqa: E402
from wijkscan.forms import ScanForm  # noqa: E402
from wijkscan.models import ScanQuestion  # noqa: E402
from wijkverbinder import context_processors  # noqa: E402

SCAN_ANSWERS = (
    "contact=weinig&sfeer=afstandelijk&ergernissen=zelden&aanspreken=ja&wij-zij=neutraal"
    "&discriminatie=nee&plekken=nee&overlast=weinig&vernielingen=nee&confrontaties=nee"
    "&veiligheid=ja&verantwoordelijkheid=nauwelijks"
)
ACTIVITY = "/verbinden/in-rust/elkaar-helpen/"
PHASE = "/verbinden/bij-ongemak/"
WIJKSCAN_STEP = f"/wijkscan/?stap=5&{SCAN_ANSWERS}"


def interleaved(variants, rounds):
    """{name: median ms}: each variant once per round, in turn, after one warm-up call each."""
    timings = {name: [] for name in variants}
    for run in variants.values():
        run()
    for _ in range(rounds):
        for name, run in variants.items():
            start = time.perf_counter()
            run()
            timings[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in timings.items()}


def swapped(module, name, value, run):
    """`run` with module.name set to `value` while it runs."""

    def wrapper():
        kept = getattr(module, name)
        setattr(module, name, value)
        try:
            run()
        finally:
            setattr(module, name, kept)

    return wrapper


def with_and_without(module, name, plain, runs):
    """Rows (what, ms with the memo, ms without): `plain` stands in for module.name."""
    rows = []
    for what, run, rounds in runs:
        times = interleaved({"with": run, "without": swapped(module, name, plain, run)}, rounds)
        rows.append((what, times["with"], times["without"]))
    return rows


def print_rows(title, rows):
    print(f"\n{title}")
    for what, kept, plain in rows:
        saved = plain - kept
        print(
            f"  {what:<40}{kept:>9.3f}{plain:>10.3f}{saved:>9.3f}"
            f"{saved / plain * 100 if plain else 0:>7.0f} %"
        )


def print_parts(title, rows):
    print(f"\n{title}")
    for what, part, whole in rows:
        print(f"  {what:<40}{part:>9.3f} ms of {whole:.3f} ms ({part / whole * 100:.0f} %)")


def participant_path(client):
    manage = client.post("/buurtoverleg/nieuw/", {"name": "Bench"})["Location"]
    html = client.get(manage).content.decode()
    return manage, re.search(r"(/buurtoverleg/d/[A-Za-z0-9_-]{43}/)", html).group(1)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    client = Client()
    get = lambda path: lambda: client.get(path)  # noqa: E731
    page_rounds = max(ROUNDS // 3, 1)
    manage, participant = participant_path(client)
    print(
        f"{ROUNDS} rounds per call, {page_rounds} per page (median ms), in-memory SQLite, "
        "Django test client, page cache off"
    )
    print(f"\n  {'':<40}{'with memo':>9}{'without':>10}{'saved':>9}{'':>9}")

    with override_settings(PAGE_CACHE_ENABLED=False):
        request = RequestFactory().get(f"{ACTIVITY}?x=1")
        translated = context_processors._translated_path
        print_rows(
            "language switcher's translated paths (wijkverbinder/context_processors.py)",
            with_and_without(
                context_processors,
                "_translated_path",
                translated.__wrapped__,
                [
                    ("site() context processor", lambda: context_processors.site(request), ROUNDS),
                    ("activity page", get(ACTIVITY), page_rounds),
                    ("wijkscan step page", get(WIJKSCAN_STEP), page_rounds),
                ],
            ),
        )

        class Request:
            def build_absolute_uri(self, url):
                return f"https://wijkverbinder.example{url}"

        tag = lambda: qr.qr_svg({"request": Request()}, PHASE, "QR-code van deze pagina")  # noqa: E731
        print_rows(
            "QR codes (core/templatetags/qr.py)",
            with_and_without(
                qr,
                "_svg",
                qr._svg.__wrapped__,
                [
                    ("qr_svg tag", tag, ROUNDS),
                    ("phase page (one code)", get(PHASE), page_rounds),
                    ("buurtoverleg manage page (one code)", get(manage), page_rounds),
                ],
            ),
        )

        directory = tempfile.mkdtemp(prefix="wv-bench-og-")
        phases = list(Phase.objects.all())
        og.write_all(phases, directory)
        questions = list(ScanQuestion.objects.for_scan())
        step = QueryDict(f"stap=5&{SCAN_ANSWERS}")

        def step_form():
            ScanForm(questions, data=step, require_all=False, stepwise=True).is_valid()

        with override_settings(STATICFILES_DIRS=[*settings.STATICFILES_DIRS[:1], directory]):
            assert finders.find(og.image_path(phases[0], "nl")), "the og image was not drawn"
            with translation.override("nl"):
                parts = interleaved(
                    {"og": lambda: og.image_url(phases[0], "nl"), "form": step_form}, ROUNDS
                )
            pages = interleaved(
                {
                    "activity": get(ACTIVITY),
                    "wijkscan": get(WIJKSCAN_STEP),
                    "buurtoverleg": get(f"{participant}?stap=5&{SCAN_ANSWERS}"),
                },
                page_rounds,
            )
        print_parts(
            "no memo: the work on its own, and a page it is part of",
            [
                ("og image look-up, activity page", parts["og"], pages["activity"]),
                ("scan form (step 5), wijkscan step page", parts["form"], pages["wijkscan"]),
                ("the same, buurtoverleg step page", parts["form"], pages["buurtoverleg"]),
            ],
        )


if __name__ == "__main__":
    main()
