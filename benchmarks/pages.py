"""Print how fast each page renders and how many queries it takes, on the seed content.

Run with `make bench`. It uses an in-memory SQLite database and Django's test client, so the
figures measure the application (views, queries, templates), not a network or a web server.
"render" is a page-cache miss (the page cache off; the data and rendered pieces shared per
content version warm, as for a new query string or after any other page's first request);
"cold" is the first request after a content edit (every cache holds only older versions);
"cached" is a page-cache hit. Queries are counted on a
cold cache (the first request after an edit: the content version, then the page's data),
on a warm one ("warm": what a page-cache miss costs once the shared data is there), and again
with ten times the content.
Speed targets live here as figures to compare between commits, not as timed tests;
benchmarks/server.py measures the whole stack under gunicorn.
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

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)

from pagecache import version as content_version  # noqa: E402
from pagecache.pages import clear_local  # noqa: E402

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


def timed(client, path, headers):
    client.get(path, headers=headers)  # warm caches (templates, translations, shared data)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
    return response, timings


def timed_cold(client, path, headers, rounds):
    """The first request after an edit: bump the content version, then ask once."""
    timings = []
    for _ in range(rounds):
        content_version.bump()
        start = time.perf_counter()
        client.get(path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def count_queries(client, path, headers):
    cache.clear()
    clear_local()
    with CaptureQueriesContext(connection) as queries:
        client.get(path, headers=headers)
    return len(queries)


def measure(client, path, headers):
    with override_settings(PAGE_CACHE_ENABLED=False):
        response, timings = timed(client, path, headers)
        cold = timed_cold(client, path, headers, max(ROUNDS // 3, 1))
        with CaptureQueriesContext(connection) as warm:
            client.get(path, headers=headers)
    _, cached = timed(client, path, headers)
    body = response.content
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "p95": sorted(timings)[int(len(timings) * 0.95) - 1],
        "cold": statistics.median(cold),
        "cached": statistics.median(cached),
        "queries": count_queries(client, path, headers),
        "warm": len(warm),
        "kb": len(body) / 1024,
        "gzip_kb": len(gzip.compress(body)) / 1024,
    }


def grow_content(times):
    """Add (times - 1) copies of every activity type, with guidance, tips and examples."""
    from activities.models import ActivityType, Guidance
    from tests.factories import GuidanceFactory, PracticeExampleFactory, PublicationFactory

    publications = PublicationFactory.create_batch(times)
    for guidance in list(Guidance.objects.select_related("activity_type", "phase")):
        for copy in range(times - 1):
            activity, _ = ActivityType.objects.get_or_create(
                slug=f"{guidance.activity_type.slug}-{copy}",
                defaults={"name_nl": f"{guidance.activity_type.name_nl} {copy}", "summary_nl": "x"},
            )
            extra = GuidanceFactory(phase=guidance.phase, activity_type=activity, tips=6)
            extra.sources.add(*publications[:3])
            PracticeExampleFactory(guidances=[extra])


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    client = Client()
    print(f"{ROUNDS} rounds per page, in-memory SQLite, Django test client\n")
    header = (
        ("status", 7),
        ("render ms", 11),
        ("p95 ms", 8),
        ("cold ms", 9),
        ("cached ms", 11),
        ("queries", 9),
        ("warm", 6),
        ("KB", 7),
    )
    print(f"{'page':<26}" + "".join(f"{title:>{width}}" for title, width in header) + "  gzip KB")
    rows = {}
    for name, path, headers in PAGES:
        row = rows[name] = measure(client, path, headers)
        print(
            f"{name:<26}{row['status']:>7}{row['median']:>11.1f}{row['p95']:>8.1f}{row['cold']:>9.1f}"
            f"{row['cached']:>11.2f}{row['queries']:>9}{row['warm']:>6}{row['kb']:>7.1f}{row['gzip_kb']:>9.1f}"
        )
    print("\nfirst render after an edit (cold), then a page-cache miss with the pieces warm:")
    for name in ("activity", "activity, htmx fragment"):
        row = rows[name]
        print(
            f"  {name:<26}cold {row['cold']:.1f} ms, render {row['median']:.1f} ms, "
            f"from the page cache {row['cached']:.2f} ms"
        )
    grow_content(10)
    print("\nqueries per page, first request after an edit: seed content / ten times the content")
    for name, path, headers in PAGES:
        if rows[name]["status"] == 200:
            more = count_queries(client, path, headers)
            print(f"  {name:<26}{rows[name]['queries']:>4}{more:>6}")


if __name__ == "__main__":
    main()
