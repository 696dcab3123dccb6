"""Search latency over 10,000 practice examples on PostgreSQL (part of `make bench`).

It creates a throw-away database `test_<name>` next to the one in BENCH_DATABASE_URL (default:
the CI role on 127.0.0.1), fills it with the seed content plus 10,000 generated examples with
their search vectors, times the example list and the site search through Django's test client
with the page cache off (each new search is a page-cache miss), and drops the database again.
Without a reachable PostgreSQL it says so and stops.
"""

import logging
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
EXAMPLES = int(os.environ.get("BENCH_EXAMPLES", "10000"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://wijkverbinder:wijkverbinder@127.0.0.1:5432/wijkverbinder"
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = DATABASE_URL

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)
warnings.filterwarnings("ignore", "No directory at")

from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)

from activities.models import Guidance  # noqa: E402
from examples.models import PracticeExample  # noqa: E402

WORDS = [
    "tuin",
    "tuinen",
    "fietser",
    "fietsers",
    "buurtfeest",
    "barbecue",
    "koken",
    "jongeren",
    "ouderen",
    "school",
    "sportclub",
    "nieuwkomers",
    "buren",
    "dialoog",
    "gesprek",
    "moestuin",
    "straat",
    "wijk",
    "muziek",
    "theater",
    "taal",
    "maatjes",
]
SEARCHES = [
    ("list, one word", "/voorbeelden/?q=tuin", {}),
    ("list, stemmed plural", "/voorbeelden/?q=fietsers", {}),
    ("list, websearch minus", "/voorbeelden/?q=buurtfeest+-barbecue", {}),
    ("list, prefix while typing", "/voorbeelden/?q=moest", {}),
    # A word with related words (fixtures/search.json): "hangjongeren" also looks for "jongeren"...
    ("list, related words", "/voorbeelden/?q=hangjongeren", {}),
    ("list, word + filters", "/voorbeelden/?q=jongeren&fase=bij-ongemak&activiteit=dialoog", {}),
    (
        "list, htmx update",
        "/voorbeelden/?q=koken&pagina=3",
        {"HX-Request": "true", "HX-Target": "example-results"},
    ),
    ("list (en), one word", "/en/voorbeelden/?q=garden", {}),
    ("site search", "/zoeken/?q=buren", {}),
]


def fill(count):
    rng = random.Random(10)
    guidances = list(Guidance.objects.all())
    rows = PracticeExample.objects.bulk_create(
        PracticeExample(
            slug=f"bench-{n}",
            name=f"Project {rng.choice(WORDS)} {n}",
            place=rng.choice(["Utrecht", "Zwolle", "Breda", "Delft"]),
            description_nl=" ".join(rng.choice(WORDS) for _ in range(30)),
            description_en="A garden project with cyclists and neighbours.",
            is_published=True,
        )
        for n in range(count)
    )
    PracticeExample.guidances.through.objects.bulk_create(
        PracticeExample.guidances.through(practiceexample=row, guidance=rng.choice(guidances))
        for row in rows
    )
    with connection.cursor() as cursor:
        for column, config, language in (
            ("search_nl", "dutch", "nl"),
            ("search_en", "english", "en"),
        ):
            cursor.execute(
                f"UPDATE examples_practiceexample SET {column} = "
                f"setweight(to_tsvector('{config}', name), 'A') || "
                f"setweight(to_tsvector('{config}', coalesce(place, '')), 'B') || "
                f"setweight(to_tsvector('{config}', coalesce(nullif(description_{language}, ''), "
                f"description_nl, '')), 'C')"
            )
        cursor.execute("ANALYZE examples_practiceexample")


@override_settings(PAGE_CACHE_ENABLED=False)  # every new search is a page-cache miss
def measure(client, path, headers):
    client.get(path, headers=headers)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return (
        response.status_code,
        statistics.median(timings),
        sorted(timings)[int(ROUNDS * 0.95) - 1],
        len(queries),
    )


def main():
    try:
        connection.ensure_connection()
    except OperationalError as error:
        print(f"Search benchmark skipped: no PostgreSQL at BENCH_DATABASE_URL ({error}).")
        return
    if connection.vendor != "postgresql":
        print("Search benchmark skipped: BENCH_DATABASE_URL is not PostgreSQL.")
        return
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("seed", verbosity=0)
        fill(EXAMPLES)
        client = Client()
        print(
            f"\nSearch over {PracticeExample.objects.count():,} examples, PostgreSQL, "
            f"{ROUNDS} rounds"
        )
        print(f"{'request':<30}{'status':>7}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
        for name, path, headers in SEARCHES:
            status, median, p95, queries = measure(client, path, headers)
            print(f"{name:<30}{status:>7}{median:>11.1f}{p95:>9.1f}{queries:>9}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
