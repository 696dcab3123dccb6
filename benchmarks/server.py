"""Throughput of the real stack: gunicorn (gunicorn.conf.py), production settings, loopback only.

Run with `make bench` (after benchmarks/pages.py). It migrates and seeds a temporary SQLite file,
collects the static files, starts redis-server on a free 127.0.0.1 port (no persistence:
`--save '' --appendonly no`) and two gunicorns on free 127.0.0.1 ports, one with the default
local-memory cache and one with REDIS_URL set, each on its own copy of the database. wrk
(Debian's package) measures each figure on both servers in turn, for BENCH_SECONDS (default 5)
each, and prints them side by side; then, on the local-memory server, the phase page while
clients post logins, and the load run for BENCH_LOAD_SECONDS (default 30) with 50 connections.
Everything it started stops at the end.

Every figure is also given as a ratio to the static file (the stack's ceiling), measured on both
servers at the start and again at the end of the same run; the best of those four is the
ceiling. Targets: cached pages >= 0.7, the uncached activity page >= 0.3, with either cache;
the load run reports 0 errors.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
CONNECTIONS = 16
LOAD_CONNECTIONS = 50
LOGIN_CLIENTS = 8
TARGETS = {"cached": 0.7, "uncached activity": 0.3}
BROWSER = {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "nl"}
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "errors": %d, "non2xx": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="wijkverbinder.settings",
        DJANGO_SECRET_KEY="bench-only-secret-" + "b3nch" * 8,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{database}",
    )
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, timeout=300
    )


def get(port, path, headers=None, method="GET", body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body, {"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


def wrk(port, path, seconds, connections=CONNECTIONS, headers=None, lua=""):
    """wrk's figures for `path`; `lua` goes before the reporting script (e.g. a `request`
    function that changes each request, as benchmarks/gemeenten.py's host rotation)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua + LUA)
    args = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        script.name,
    ]
    for name, value in {**BROWSER, **(headers or {})}.items():
        args += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*args, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    os.unlink(script.name)
    result = json.loads(re.search(r"RESULT (\{.*\})", output).group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def first_visit_bytes(port):
    """HTML, CSS and JS of a first visit to the home page: as sent (gzip) and unpacked."""
    rows = {}
    response, html = get(port, "/", BROWSER)
    rows["HTML"] = (len(html), len(gzip.decompress(html)) if is_gzip(response) else len(html))
    text = gzip.decompress(html).decode() if is_gzip(response) else html.decode()
    for kind, pattern in (
        ("CSS", r'<link rel="stylesheet" href="([^"]+)"'),
        ("JS", r'<script src="([^"]+)"'),
    ):
        sent = unpacked = 0
        for url in re.findall(pattern, text):
            response, body = get(port, url, BROWSER)
            sent += len(body)
            unpacked += len(gzip.decompress(body)) if is_gzip(response) else len(body)
        rows[kind] = (sent, unpacked)
    return rows


def is_gzip(response):
    return response.getheader("Content-Encoding") == "gzip"


def hammer_login(port, stop, counter):
    """One client posting wrong passwords to the admin login, as fast as it is answered."""
    while not stop.is_set():
        response, page = get(port, "/admin/login/")
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({"csrfmiddlewaretoken": token, "username": "nobody", "password": "wrong"})
        response, _ = get(
            port,
            "/admin/login/",
            {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
            body=body,
        )
        counter.append(response.status)


def wait_until_up(port, process, what):
    """Wait (at most 30 s) until `what` answers on `port`; fail if it exits first."""
    for _ in range(150):
        if process.poll() is not None:
            sys.exit(f"{what} exited with status {process.returncode} before it answered")
        try:
            if what == "redis-server":
                if redis_command(port, "PING") == "+PONG":
                    return
            elif get(port, "/healthz")[0].status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{what} did not answer on 127.0.0.1:{port} within 30 s")


def redis_command(port, command):
    """One inline command to Redis on 127.0.0.1:`port`; its first reply line."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(command.encode() + b"\r\n")
        return sock.makefile("rb").readline().decode().strip()


def start(processes, args, env, log):
    processes.append(
        subprocess.Popen(args, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    )
    return processes[-1]


def start_gunicorn(processes, env, log):
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "wijkverbinder.wsgi", "--bind", f"127.0.0.1:{port}"]
    wait_until_up(port, start(processes, args, env, log), "gunicorn")
    return port


def start_redis(processes, workdir, log):
    port = free_port()
    args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir)]
    args += ["--save", "", "--appendonly", "no"]
    wait_until_up(port, start(processes, args, os.environ.copy(), log), "redis-server")
    return port


def main():
    for program in ("wrk", "redis-server"):
        if not shutil.which(program):
            sys.exit(f"{program} is not installed: apt-get install {program} (make bench does it)")
    workdir = Path(tempfile.mkdtemp(prefix="wv-bench-"))
    env = environment(workdir / "db.sqlite3")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    shutil.copy(workdir / "db.sqlite3", workdir / "db-redis.sqlite3")
    processes, logs = [], {}
    try:
        logs["redis-server"] = open(workdir / "redis.log", "w")  # noqa: SIM115 (closed below)
        redis_port = start_redis(processes, workdir, logs["redis-server"])
        servers = {}
        for name, server_env in (
            ("local memory", env),
            (
                "Redis",
                {
                    **environment(workdir / "db-redis.sqlite3"),
                    "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
                },
            ),
        ):
            label = f"gunicorn, {name}"
            logs[label] = open(workdir / f"gunicorn-{len(logs)}.log", "w")  # noqa: SIM115
            servers[name] = start_gunicorn(processes, server_env, logs[label])
        run(servers)
        print(f"\nRedis held {redis_command(redis_port, 'DBSIZE').lstrip(':')} keys at the end")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for name, log in logs.items():
            log.close()
            report_log(name, Path(log.name))
        shutil.rmtree(workdir, ignore_errors=True)


def report_log(name, path):
    """The server's log in one line, and any line that is not about the wrong logins we sent."""
    lines = path.read_text().splitlines()
    if name == "redis-server":
        # Its warnings, but not the one about background saves: they are off (--save '').
        lines = [line for line in lines if "WARNING" in line and "overcommit" not in line]
    refused = [line for line in lines if line.startswith("Too Many Requests: ")]
    failures = [line for line in lines if line.startswith("AXES: ")]  # the wrong passwords
    other = [line for line in lines if line not in refused and line not in failures]
    print(
        f"{name} log: {len(refused)} refused logins (429), {len(failures)} lines on failed "
        f"logins (django-axes), {len(other)} other lines"
    )
    for line in other[:20]:
        print(f"  {line}")


def side_by_side(servers, figures):
    """{figure: {server: wrk result}}, each figure on each server in turn (order alternating)."""
    results = {}
    names = list(servers)
    for index, (figure, path, headers) in enumerate(figures):
        results[figure] = {}
        for name in names if index % 2 == 0 else names[::-1]:
            wrk(servers[name], path, 1, headers=headers)  # warm up
            results[figure][name] = wrk(servers[name], path, SECONDS, headers=headers)
    return results


def run(servers):
    port = servers["local memory"]
    _, home = get(port, "/")
    css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', home).group(1).decode()
    activity = "/verbinden/in-rust/elkaar-helpen/"
    uncached = {"Cookie": "bench=uncached"}
    figures = [
        ("static file (CSS)", css, {}),
        ("home, cached", "/", {}),
        ("phase, cached", "/verbinden/bij-ongemak/", {}),
        ("activity, cached", activity, {}),
        ("activity htmx fragment, cached", activity, {"HX-Request": "true"}),
        ("activity, uncached", activity, uncached),
        ("phase, uncached", "/verbinden/bij-ongemak/", uncached),
        # Again at the end: on a shared machine the ceiling is the best of the four.
        ("static file (CSS), again", css, {}),
    ]
    workers = os.environ.get("WEB_CONCURRENCY", f"2 x {os.cpu_count()} cores")
    print(
        f"\ngunicorn (gunicorn.conf.py: gthread, {workers} workers), production settings, "
        f"SQLite, wrk -c{CONNECTIONS} for {SECONDS} s each; two servers, one with the default "
        f"local-memory cache and one with Redis, measured in turn; 127.0.0.1 ports "
        + ", ".join(f"{name} {port}" for name, port in servers.items())
    )
    load_before = os.getloadavg()[0]
    results = side_by_side(servers, figures)
    print(
        f"load average (1 min): {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"
    )
    ceiling = max(
        result["rps"]
        for figure, by_server in results.items()
        if figure.startswith("static")
        for result in by_server.values()
    )
    print(f"ratio: req/s of the figure / {ceiling:.0f} req/s, the best static-file figure\n")
    names = list(servers)
    print(
        f"{'':<32}"
        + "".join(f"{name:^37}" for name in names)
        + f"{'Redis / local':>15}"
        + f"\n{'what':<32}"
        + f"{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'ratio':>7}{'err':>5}" * len(names)
    )
    for figure, by_server in results.items():
        cells = ""
        for name in names:
            result = by_server[name]
            cells += (
                f"{result['rps']:>9.0f}{result['p50']:>8.1f}{result['p95']:>8.1f}"
                f"{result['rps'] / ceiling:>7.2f}{result['errors'] + result['non2xx']:>5}"
            )
        print(
            f"{figure:<32}{cells}"
            f"{by_server['Redis']['rps'] / by_server['local memory']['rps']:>15.2f}"
        )
    for name in names:
        cached = min(
            by_server[name]["rps"]
            for figure, by_server in results.items()
            if figure.endswith(", cached")
        )
        uncached_activity = results["activity, uncached"][name]["rps"]
        print(
            f"targets, {name}: cached pages >= {TARGETS['cached']} "
            f"(lowest: {cached / ceiling:.2f}), uncached activity >= "
            f"{TARGETS['uncached activity']} ({uncached_activity / ceiling:.2f})"
        )

    print("\nfirst visit to the home page (bytes sent with gzip / unpacked)")
    total_sent = total_raw = 0
    for kind, (sent, raw) in first_visit_bytes(port).items():
        total_sent, total_raw = total_sent + sent, total_raw + raw
        print(f"  {kind:<6}{sent:>8}{raw:>9}")
    print(f"  {'total':<6}{total_sent:>8}{total_raw:>9}")

    stop, statuses = threading.Event(), []
    clients = [
        threading.Thread(target=hammer_login, args=(port, stop, statuses), daemon=True)
        for _ in range(LOGIN_CLIENTS)
    ]
    for client in clients:
        client.start()
    time.sleep(1)
    under_attack = wrk(port, "/verbinden/bij-ongemak/", SECONDS)
    stop.set()
    for client in clients:
        client.join(timeout=30)
    calm = results["phase, cached"]["local memory"]["rps"]
    print(
        f"\nlocal memory, phase page while {LOGIN_CLIENTS} clients post logins: "
        f"{under_attack['rps']:.0f} req/s (p95 {under_attack['p95']:.0f} ms; "
        f"{under_attack['rps'] / calm:.2f} of calm), logins answered: "
        f"{statuses.count(200) / (SECONDS + 1):.1f}/s checked, "
        f"{statuses.count(429) / (SECONDS + 1):.1f}/s refused with 429"
    )

    load = wrk(port, "/verbinden/bij-ongemak/", LOAD_SECONDS, connections=LOAD_CONNECTIONS)
    print(
        f"\nload run, local memory: {LOAD_CONNECTIONS} connections, {LOAD_SECONDS} s, phase page: "
        f"{load['requests']} requests, {load['rps']:.0f} req/s, p95 {load['p95']:.1f} ms, "
        f"errors {load['errors']}, non-2xx/3xx {load['non2xx']}"
    )


if __name__ == "__main__":
    main()
