"""Throughput of the real stack: gunicorn (gunicorn.conf.py), production settings, loopback only.

Run with `make bench` (after benchmarks/pages.py). It migrates and seeds a temporary SQLite file,
collects the static files, starts gunicorn on a free 127.0.0.1 port and drives it with wrk
(Debian's package), each figure for BENCH_SECONDS (default 5), the load run for
BENCH_LOAD_SECONDS (default 30) with 50 connections. Everything stops by itself.

Targets (ratios to the static file, the stack's ceiling): cached pages >= 0.7, the uncached
activity page >= 0.15; the load run reports 0 errors.
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
TARGETS = {"cached": 0.7, "uncached activity": 0.15}
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


def wrk(port, path, seconds, connections=CONNECTIONS, headers=None):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
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


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make bench does it)")
    workdir = Path(tempfile.mkdtemp(prefix="wv-bench-"))
    env = environment(workdir / "db.sqlite3")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    port = free_port()
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "wijkverbinder.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stderr=log,
    )
    try:
        for _ in range(100):
            try:
                if get(port, "/healthz")[0].status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        run(port)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        report_log(workdir / "gunicorn.log")
        shutil.rmtree(workdir, ignore_errors=True)


def report_log(path):
    """The server's log in one line, and any line that is not a refused login."""
    lines = path.read_text().splitlines()
    refused = [line for line in lines if line.startswith("Too Many Requests: ")]
    other = [line for line in lines if line not in refused]
    print(f"\nserver log: {len(refused)} refused logins (429), {len(other)} other lines")
    for line in other[:20]:
        print(f"  {line}")


def run(port):
    _, home = get(port, "/")
    css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', home).group(1).decode()
    activity = "/verbinden/in-rust/elkaar-helpen/"
    figures = [
        ("static file (CSS)", css, {}),
        ("home, cached", "/", {}),
        ("phase, cached", "/verbinden/bij-ongemak/", {}),
        ("activity, cached", activity, {}),
        ("activity, uncached", activity, {"Cookie": "bench=uncached"}),
        ("phase, uncached", "/verbinden/bij-ongemak/", {"Cookie": "bench=uncached"}),
        ("htmx fragment, cached", activity, {"HX-Request": "true"}),
        # Again at the end: on a shared machine the ceiling is the better of the two.
        ("static file (CSS), again", css, {}),
    ]
    workers = os.environ.get("WEB_CONCURRENCY", f"2 x {os.cpu_count()} cores")
    print(
        f"\ngunicorn (gunicorn.conf.py: gthread, {workers} workers), production settings, "
        f"SQLite, wrk -c{CONNECTIONS} for {SECONDS} s each, 127.0.0.1:{port}\n"
    )
    print(f"{'what':<26}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}{'errors':>8}")
    results = {}
    for name, path, headers in figures:
        wrk(port, path, 1, headers=headers)  # warm up
        results[name] = wrk(port, path, SECONDS, headers=headers)
    ceiling = max(r["rps"] for n, r in results.items() if n.startswith("static"))
    for name, result in results.items():
        print(
            f"{name:<26}{result['rps']:>9.0f}{result['p50']:>9.1f}{result['p95']:>9.1f}"
            f"{result['rps'] / ceiling:>8.2f}{result['errors'] + result['non2xx']:>8}"
        )
    cached = min(r["rps"] for n, r in results.items() if n.endswith(", cached"))
    print(
        f"\ntargets: cached pages >= {TARGETS['cached']} (lowest: {cached / ceiling:.2f}), "
        f"uncached activity >= {TARGETS['uncached activity']} "
        f"({results['activity, uncached']['rps'] / ceiling:.2f})"
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
    calm = results["phase, cached"]["rps"]
    print(
        f"\nphase page while {LOGIN_CLIENTS} clients post logins: {under_attack['rps']:.0f} req/s "
        f"(p95 {under_attack['p95']:.0f} ms; {under_attack['rps'] / calm:.2f} of calm), "
        f"logins answered: {statuses.count(200) / (SECONDS + 1):.1f}/s checked, "
        f"{statuses.count(429) / (SECONDS + 1):.1f}/s refused with 429"
    )

    load = wrk(port, "/verbinden/bij-ongemak/", LOAD_SECONDS, connections=LOAD_CONNECTIONS)
    print(
        f"\nload run: {LOAD_CONNECTIONS} connections, {LOAD_SECONDS} s, phase page: "
        f"{load['requests']} requests, {load['rps']:.0f} req/s, p95 {load['p95']:.1f} ms, "
        f"errors {load['errors']}, non-2xx/3xx {load['non2xx']}"
    )


if __name__ == "__main__":
    main()
