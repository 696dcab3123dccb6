"""Faults survived under load: Redis stops and comes back, PostgreSQL restarts.

Real processes on loopback ports: a PostgreSQL cluster of its own (initdb in a temporary folder,
so the machine's own cluster is never touched), redis-server, and gunicorn with production
settings. Four threads ask for pages (cached ones, and searches that miss the cache and need the
database) for at most 30 s and at most 20,000 requests, while the test stops and starts the
services. Runs where DATABASE_URL is PostgreSQL (CI's second pass); prints its figures (README,
Deployment, "Faults"). Marked `servers`.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_servers import free_port

pytestmark = pytest.mark.servers

BASE_DIR = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
MAX_SECONDS = 30
MAX_REQUESTS = 20_000
CACHED = ["/", "/verbinden/in-rust/", "/verbinden/in-rust/elkaar-helpen/", "/en/"]


def _requirements():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "DATABASE_URL is not PostgreSQL: the fault test runs in CI's PostgreSQL pass"
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15's programs are not in {PG_BIN}"
    if not shutil.which("redis-server"):
        return "redis-server is not installed (apt-get install redis-server)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser to start PostgreSQL as its own user"
    return None


class Postgres:
    """A throw-away cluster: initdb in a temporary folder, on a free loopback port."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="wijkverbinder-faults-"))
        self.data = self.root / "data"
        self.port = free_port()
        # initdb refuses to run as root: run the cluster as the postgres user then.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "wijk", "--auth=trust", "-E", "UTF8")
        self.start()

    @property
    def url(self):
        return f"postgres://wijk@127.0.0.1:{self.port}/wijkverbinder"

    def _run(self, program, *args):
        command = [*self.as_owner, str(PG_BIN / program), *map(str, args)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stdout + result.stderr

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "log", "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        subprocess.run(
            [
                *self.as_owner,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        self.process = subprocess.Popen(
            [*args, "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(50):
            try:
                import redis

                redis.Redis(port=self.port, socket_timeout=0.2).ping()
                return
            except Exception:
                time.sleep(0.1)
        pytest.fail("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def fetch(port, path, timeout=10):
    """(status, headers, body) of a GET, errors included; (None, {}, error) if none came."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError as error:
        return None, {}, str(error)


def health(port):
    status, _, body = fetch(port, "/healthz", timeout=5)
    try:
        return status, json.loads(body)
    except ValueError:
        return status, {}


class Load:
    """Threads asking for pages until stopped, the deadline or the request budget."""

    def __init__(self, port, threads=4):
        self.port = port
        self.results = []  # (start, end, status, path)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.deadline = time.monotonic() + MAX_SECONDS
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(threads)]

    def _run(self, number):
        count = 0
        while not self.stopping.is_set() and time.monotonic() < self.deadline:
            with self.lock:
                if len(self.results) >= MAX_REQUESTS:
                    return
            count += 1
            # One request in four misses the page cache (a new search) and needs the database.
            path = f"/zoeken/?q=buurt{number}x{count}" if count % 4 == 0 else CACHED[count % 4]
            start = time.monotonic()
            status = fetch(self.port, path)[0]
            with self.lock:
                self.results.append((start, time.monotonic(), status, path))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def between(self, start, end):
        return [r for r in self.results if start <= r[0] and r[1] <= end]


def _rate(results):
    if len(results) < 2:
        return 0
    return round(len(results) / (results[-1][1] - results[0][0]))


def wait_for(condition, seconds):
    """Seconds until `condition()` held (polled every 0.1 s), or None if it never did."""
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if condition():
            return time.monotonic() - began
        time.sleep(0.1)
    return None


@pytest.fixture
def services():
    reason = _requirements()
    if reason:
        pytest.skip(reason)
    postgres = Postgres()
    try:
        redis_server = Redis()
    except BaseException:
        postgres.remove()
        raise
    processes = []
    try:
        import psycopg

        with psycopg.connect(postgres.url.replace("/wijkverbinder", "/postgres")) as connection:
            connection.autocommit = True
            connection.execute("CREATE DATABASE wijkverbinder")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="wijkverbinder.settings",
            DJANGO_SECRET_KEY="faults-test-secret-" + "k3y" * 12,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
            DATABASE_URL=postgres.url,
            REDIS_URL=redis_server.url,
            WEB_CONCURRENCY="2",
            GUNICORN_LOG_LEVEL="error",
        )
        for args in (["migrate", "--no-input", "-v0"], ["seed", "-v0"]):
            result = subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=BASE_DIR,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert result.returncode == 0, result.stdout + result.stderr
        port = free_port()
        log = open(postgres.root / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
        processes.append(log)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "wijkverbinder.wsgi", "--bind", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        processes.append(server)
        assert wait_for(lambda: health(port)[0] == 200, 60) is not None, "no healthy server"
        yield {"port": port, "postgres": postgres, "redis": redis_server, "log": log.name}
    finally:
        for process in processes:
            if isinstance(process, subprocess.Popen):
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            else:
                process.close()
        if redis_server.process.poll() is None:
            redis_server.stop()
        postgres.remove()


def test_pages_survive_redis_stopping_and_postgresql_restarting(services):
    port, postgres, redis_server = services["port"], services["postgres"], services["redis"]
    figures = {}
    with Load(port) as load:
        time.sleep(3)

        # --- Redis stops: pages keep being served, uncached; /healthz says so. ---
        redis_down = time.monotonic()
        redis_server.stop()
        figures["health noticed Redis down (s)"] = wait_for(
            lambda: health(port)[1].get("cache") == "down", 5
        )
        assert health(port) == (200, {"status": "degraded", "database": "ok", "cache": "down"})
        time.sleep(3)
        redis_server.start()
        redis_up = time.monotonic()
        figures["health saw Redis back (s)"] = wait_for(
            lambda: health(port)[1].get("status") == "ok", 10
        )

        time.sleep(2)

        # --- PostgreSQL stops for a few seconds: a styled 503 with Retry-After meanwhile. ---
        pg_down = time.monotonic()
        postgres.stop()
        time.sleep(0.5)
        status, headers, body = fetch(port, "/verbinden/in-rust/")
        assert status == 503
        assert headers.get("Retry-After") == "30"
        assert 'class="site-header"' in body
        assert "Traceback" not in body
        assert health(port)[0] == 503
        time.sleep(3)
        postgres.start()
        pg_up = time.monotonic()
        figures["seconds to full service after PostgreSQL is back"] = wait_for(
            lambda: fetch(port, "/zoeken/?q=terug")[0] == 200, 15
        )
        recovered = time.monotonic()
        time.sleep(3)
    end = time.monotonic()

    results = load.results
    during_redis = load.between(redis_down, redis_up)
    in_flight_at_stop = [r for r in results if r[0] < redis_down < r[1]]
    redis_errors = [r for r in during_redis if r[2] is None or r[2] >= 500]
    during_pg = [r for r in results if r[1] >= pg_down and r[0] <= recovered]
    after = load.between(recovered + 0.5, end)
    figures.update(
        {
            "requests": len(results),
            "seconds": round(end - results[0][0], 1),
            "requests while Redis was down": len(during_redis),
            "5xx while Redis was down": len(redis_errors),
            "requests while PostgreSQL was down or coming back": len(during_pg),
            "503 then": sum(1 for r in during_pg if r[2] == 503),
            "other errors then": sum(1 for r in during_pg if r[2] not in (200, 503)),
            "requests after recovery": len(after),
            "errors after recovery": sum(1 for r in after if r[2] != 200),
            "PostgreSQL down (s)": round(pg_up - pg_down, 1),
            "requests/s before the faults": _rate(load.between(results[0][0], redis_down)),
            "requests/s while Redis was down": _rate(during_redis),
            "requests/s after recovery": _rate(after),
        }
    )
    log = Path(services["log"]).read_text()
    figures["log lines"] = len(log.splitlines())
    print("\nFault test figures:")
    for name, value in figures.items():
        print(f"  {name}: {round(value, 2) if isinstance(value, float) else value}")

    assert len(results) <= MAX_REQUESTS
    assert figures["health noticed Redis down (s)"] is not None
    assert figures["health saw Redis back (s)"] is not None
    assert len(during_redis) > 20, figures
    assert len(redis_errors) <= len(in_flight_at_stop), figures
    assert figures["503 then"] > 0, figures
    assert figures["other errors then"] == 0, figures
    assert figures["seconds to full service after PostgreSQL is back"] is not None, figures
    assert len(after) > 20, figures
    assert figures["errors after recovery"] == 0, figures
    assert "Internal Server Error" not in log, log[-3000:]
    # One line for a 503, a line or two for a page while Redis is down: no flood of tracebacks
    # (about 4 lines per request, nearly all tracebacks, before pagecache.store held them back).
    assert figures["log lines"] <= 1.5 * len(results), figures
