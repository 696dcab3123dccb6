"""Fifty gemeenten on one instance: throughput per host, and cache memory per gemeente.

Run with `make bench` (after benchmarks/server.py). It migrates and seeds a temporary SQLite file,
adds GEMEENTEN (default 50) gemeenten, each with a host name (g01.bench.test, ...), every other one
with a theme, and two contacts each; starts redis-server and one gunicorn with REDIS_URL on free
127.0.0.1 ports, and measures with wrk (BENCH_SECONDS, default 5, each):

- the static file (the stack's ceiling), the national phase page (cached), and the same page with
  every request on another gemeente's host (cached per host after the first round), each as a
  ratio to the ceiling (the targets of benchmarks/server.py: cached pages >= 0.7);
- how Redis's memory grows per gemeente: used_memory before and after every gemeente's host has
  asked for PAGES in both languages, divided by the number of gemeenten.

Everything it started stops at the end. The figures go in README.md (Performance, Measured).
"""

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import (  # a sibling script, not a package
    BROWSER,
    CONNECTIONS,
    SECONDS,
    environment,
    get,
    manage,
    start_gunicorn,
    start_redis,
    wrk,
)

GEMEENTEN = int(os.environ.get("BENCH_GEMEENTEN", "50"))
PAGES = [
    "/",
    "/verbinden/in-rust/",
    "/verbinden/bij-ongemak/",
    "/verbinden/bij-spanningen/",
    "/verbinden/bij-incidenten/",
    "/verbinden/in-rust/elkaar-helpen/",
    "/verbinden/bij-spanningen/dialoog/",
    "/voorbeelden/",
    "/wijkscan/",
    "/bibliotheek/",
]
SETUP = """
from contacts.models import Contact
from gemeenten.models import Gemeente, Host
from gemeenten.themes import themes
from phases.models import Phase

looks = ["", *themes()]
phases = list(Phase.objects.all())
for number in range(1, {count} + 1):
    gemeente = Gemeente.objects.create(
        name=f"Benchgemeente {{number:02}}",
        slug=f"g{{number:02}}",
        theme=looks[number % len(looks)],
    )
    Host.objects.create(gemeente=gemeente, name=f"g{{number:02}}.bench.test")
    for kind in ("Buurtbemiddeling", "Wijkteam"):
        contact = Contact.objects.create(
            gemeente=gemeente,
            name_nl=f"{{kind}} {{gemeente.name}}",
            description_nl="Voor de benchmark.",
            phone="030 000 00 00",
        )
        contact.phases.set(phases[1:])
"""
ROTATE = """
hosts = {{ {hosts} }}
counter = 0
request = function()
  counter = counter + 1
  wrk.headers["Host"] = hosts[(counter % #hosts) + 1]
  return wrk.format(nil, "{path}")
end
"""


def hosts():
    return [f"g{number:02}.bench.test" for number in range(1, GEMEENTEN + 1)]


def wrk_rotating(port, path, seconds):
    """wrk with every request on the next gemeente's host."""
    rotate = ROTATE.format(hosts=", ".join(f'"{host}"' for host in hosts()), path=path)
    return wrk(port, path, seconds, lua=rotate)


def used_memory(client):
    return client.info("memory")["used_memory"]


def main():
    for program in ("wrk", "redis-server"):
        if not shutil.which(program):
            sys.exit(f"{program} is not installed: apt-get install {program} (make bench does it)")
    workdir = Path(tempfile.mkdtemp(prefix="wv-bench-gemeenten-"))
    env = environment(workdir / "db.sqlite3")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "shell", "-v0", "-c", SETUP.format(count=GEMEENTEN))
    manage(env, "collectstatic", "--no-input", "-v0")
    processes = []
    with open(workdir / "redis.log", "w") as redis_log, open(workdir / "g.log", "w") as log:
        try:
            redis_port = start_redis(processes, workdir, redis_log)
            port = start_gunicorn(
                processes, {**env, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0"}, log
            )
            run(port, redis.Redis(port=redis_port))
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=30)
    shutil.rmtree(workdir, ignore_errors=True)


def run(port, client):
    # Each host's first request is a miss (a render); the figures are of the cached pages.
    for host in hosts():
        for path in PAGES:
            for prefix in ("", "/en"):
                response, _ = get(port, prefix + path, {"Host": host, **BROWSER})
                assert response.status == 200, (host, prefix + path, response.status)
    _, home = get(port, "/")
    css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', home).group(1).decode()
    phase = "/verbinden/bij-spanningen/"
    wrk(port, css, 1)
    ceiling = max(wrk(port, css, SECONDS)["rps"], 1)
    national = wrk(port, phase, SECONDS)
    rotating = wrk_rotating(port, phase, SECONDS)
    ceiling = max(ceiling, wrk(port, css, SECONDS)["rps"])

    print(
        f"\n{GEMEENTEN} gemeenten on one gunicorn (gunicorn.conf.py) with Redis, SQLite, "
        f"wrk -c{CONNECTIONS} for {SECONDS} s each, 127.0.0.1:{port}"
    )
    print(f"{'what':<44}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'ratio':>7}{'err':>5}")
    for label, result in (
        ("phase page, national host, cached", national),
        (f"phase page, {GEMEENTEN} gemeente hosts in turn, cached", rotating),
    ):
        print(
            f"{label:<44}{result['rps']:>9.0f}{result['p50']:>8.1f}{result['p95']:>8.1f}"
            f"{result['rps'] / ceiling:>7.2f}{result['errors'] + result['non2xx']:>5}"
        )
    print(f"(ratio: req/s / {ceiling:.0f} req/s, the static file; target for cached pages 0.7)")

    # Memory: a fresh Redis database, the national pages, then every gemeente's.
    client.flushdb()
    for path in PAGES:
        for prefix in ("", "/en"):
            get(port, prefix + path, BROWSER)
    before = used_memory(client)
    for host in hosts():
        for path in PAGES:
            for prefix in ("", "/en"):
                get(port, prefix + path, {"Host": host, **BROWSER})
    after = used_memory(client)
    per = (after - before) / GEMEENTEN
    print(
        f"\nRedis memory: {before / 1e6:.1f} MB with the national pages; {after / 1e6:.1f} MB "
        f"after {GEMEENTEN} gemeenten asked for {len(PAGES)} pages in two languages: "
        f"{per / 1e3:.0f} KB per gemeente ({per / (len(PAGES) * 2) / 1e3:.1f} KB per page)"
    )


if __name__ == "__main__":
    main()
