"""Print how fast each page renders and how many queries it takes, on the seed content.

Run with `make bench`. It uses an in-memory SQLite database and Django's test client, so the
figures measure the application (views, queries, templates), not a network or a web server.
Speed targets live here as figures to compare between commits, not as timed tests.
"""

import gzip
import logging
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)  # no "Not Found" line per 404 request
warnings.filterwarnings("ignore", "No directory at")  # static files come from the finders

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SCAN_ANSWERS = (
    "contact=weinig&sfeer=afstandelijk&ergernissen=zelden&aanspreken=ja&wij-zij=neutraal"
    "&discriminatie=nee&plekken=nee&overlast=weinig&vernielingen=nee&confrontaties=nee"
    "&veiligheid=ja&verantwoordelijkheid=nauwelijks"
)
PAGES = [
    ("home", "/", {}),
    ("phase", "/verbinden/bij-ongemak/", {}),
    ("phase, htmx fragment", "/verbinden/bij-ongemak/", {"HX-Request": "true"}),
    ("activity", "/verbinden/in-rust/elkaar-helpen/", {}),
    ("activity, htmx fragment", "/verbinden/in-rust/elkaar-helpen/", {"HX-Request": "true"}),
    ("activity (en)", "/en/verbinden/bij-spanningen/dialoog/", {}),
    ("binding ladder", "/bindingsladder/", {}),
    ("library", "/bibliotheek/", {}),
    ("library item", "/bibliotheek/waarom-contact-werkt/", {}),
    ("wijkscan", "/wijkscan/", {}),
    ("wijkscan step", f"/wijkscan/?stap=5&{SCAN_ANSWERS}", {}),
    ("wijkscan outcome", f"/wijkscan/resultaat/?{SCAN_ANSWERS}", {}),
    ("404", "/verbinden/bestaat-niet/", {}),
]


def measure(client, path, headers):
    client.get(path, headers=headers)  # warm caches (templates, translations)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    body = response.content
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "p95": sorted(timings)[int(len(timings) * 0.95) - 1],
        "queries": len(queries),
        "kb": len(body) / 1024,
        "gzip_kb": len(gzip.compress(body)) / 1024,
    }


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    client = Client()
    print(f"{ROUNDS} rounds per page, in-memory SQLite, Django test client\n")
    header = ("status", 7), ("median ms", 11), ("p95 ms", 9), ("queries", 9), ("KB", 7)
    print(f"{'page':<26}" + "".join(f"{title:>{width}}" for title, width in header) + "  gzip KB")
    for name, path, headers in PAGES:
        row = measure(client, path, headers)
        print(
            f"{name:<26}{row['status']:>7}{row['median']:>11.1f}{row['p95']:>9.1f}"
            f"{row['queries']:>9}{row['kb']:>7.1f}{row['gzip_kb']:>9.1f}"
        )


if __name__ == "__main__":
    main()
