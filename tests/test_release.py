"""The README's release steps, run as written on a fresh clone, give a correct production site.

Clones the repository into a temporary folder, gives it the test run's virtual environment as its
`.venv` (the README's install step, done once), runs every line of the README's release block but
the last, and starts the last (gunicorn) on a free loopback port with four sync workers. Then it
asks like a browser behind the proxy would: Dutch labels on Dutch pages, drawn link-preview
images, hashed static files, and rate limits shared by every worker. The database is a SQLite
file, so the limiter's database store is what the four workers share. Marked `servers`.
"""

import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.test_servers import free_port

pytestmark = pytest.mark.servers

BASE_DIR = Path(__file__).resolve().parent.parent
MARKER = "<!-- release-steps:"
# The test is the proxy: it connects from this loopback address, which it names as the trusted
# proxy; 127.0.0.1 then is a client that reached the app port directly.
PROXY = "127.0.0.2"
DIRECT = "127.0.0.1"


def release_steps(readme):
    """The lines of the fenced block after the README's release-steps marker."""
    text = readme.read_text(encoding="utf-8")
    assert MARKER in text, "README.md lost its release-steps block"
    block = re.search(r"```sh\n(.*?)```", text[text.index(MARKER) :], re.DOTALL)
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def request(port, method, path, *, source=PROXY, forwarded="203.0.113.7", data=None, extra=None):
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **(extra or {})}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    body = None
    if data is not None:
        body = urlencode(data, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def get(port, path, **kwargs):
    return request(port, "GET", path, **kwargs)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A fresh clone, released by the README's steps and served by its gunicorn command."""
    if not shutil.which("git") or not (BASE_DIR / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    if not shutil.which("make") or not shutil.which("msgfmt"):
        pytest.skip("make and GNU gettext are needed (apt-get install make gettext)")
    root = tmp_path_factory.mktemp("release")
    clone = root / "clone"
    subprocess.run(["git", "clone", "--quiet", str(BASE_DIR), str(clone)], check=True)
    # The README's install step (`pip install .` into .venv), done once for every test run.
    (clone / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "WEB_CONCURRENCY", "FORWARDED_"))
        and key not in {"REDIS_URL", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_BEHIND_PROXY="true",
        DJANGO_TRUSTED_PROXIES=PROXY,
        # check --deploy warns without a contact address (pages.W001), and the release fails.
        DJANGO_CONTACT_EMAIL="wijkverbinder@example.nl",
        DATABASE_URL=f"sqlite:///{root / 'site.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="4",
        GUNICORN_WORKER_CLASS="sync",
        GUNICORN_LOG_LEVEL="error",
    )
    *steps, serve = release_steps(clone / "README.md")
    assert serve.startswith(".venv/bin/gunicorn "), serve
    for step in steps:
        result = subprocess.run(
            ["bash", "-c", step],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, f"{step}\n{result.stdout}\n{result.stderr}"
    server = subprocess.Popen(
        ["bash", "-c", f"exec {serve}"],
        cwd=clone,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer /healthz"
            time.sleep(0.3)
        yield {"port": port, "clone": clone}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_the_release_compiles_the_catalogues_so_dutch_pages_have_dutch_labels(site):
    status, _, dutch = get(site["port"], "/")
    _, _, english = get(site["port"], "/en/")

    assert status == 200
    assert '<html lang="nl"' in dutch.decode()
    assert "Direct naar de inhoud" in dutch.decode()
    assert "Skip to main content" not in dutch.decode()
    assert "Skip to main content" in english.decode()


def test_static_files_have_hashed_names_and_live_a_year(site):
    _, _, page = get(site["port"], "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.decode())

    assert stylesheet, "the stylesheet is not served under a hashed name"
    status, headers, _ = get(site["port"], stylesheet.group(1))
    assert status == 200
    assert "immutable" in headers["Cache-Control"]


def test_phase_pages_preview_with_their_drawn_image(site):
    _, _, page = get(site["port"], "/verbinden/in-rust/")
    image = re.search(r'<meta property="og:image" content="([^"]+)"', page.decode()).group(1)

    assert re.search(r"/static/og/phase-in-rust-nl\.[0-9a-f]{12}\.png$", image), image
    status, headers, body = get(site["port"], image.split("127.0.0.1", 1)[1])
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert body.startswith(b"\x89PNG")


def share_form(port):
    _, _, page = get(port, "/voorbeelden/delen/")
    page = page.decode()

    def first(name):
        return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)

    return {
        "name": "Kookclub De Pan",
        "place": "Zwolle",
        "province": "overijssel",
        "phases": first("phases"),
        "activity_types": first("activity_types"),
        "target_group": "Nieuwe en oude buren",
        "description": "Elke maand koken nieuwe en oude buren samen in het buurthuis.",
        "homepage": "",
    }


def post_share(port, data, **kwargs):
    # Production answers over HTTPS only: CSRF wants a matching Origin and a token.
    token = secrets.token_hex(16)
    headers = {"Origin": "https://127.0.0.1", "Cookie": f"csrftoken={token}"}
    return request(
        port,
        "POST",
        "/voorbeelden/delen/",
        data={**data, "csrfmiddlewaretoken": token},
        extra=headers,
        **kwargs,
    )[0]


def test_fourteen_posts_at_once_from_one_address_through_four_workers_give_exactly_five(site):
    data = share_form(site["port"])

    with ThreadPoolExecutor(7) as pool:
        statuses = list(
            pool.map(lambda _: post_share(site["port"], data, forwarded="203.0.113.7"), range(14))
        )

    assert sorted(statuses) == [302] * 5 + [429] * 9, statuses
    # Another address behind the same proxy is not held back.
    assert post_share(site["port"], data, forwarded="203.0.113.8") == 302


def test_a_client_on_the_app_port_cannot_pass_for_the_proxy_with_forged_headers(site):
    """Reaching the app port directly, a client sends X-Forwarded-Proto: https and an address of
    its choosing in X-Forwarded-For: neither is believed. Its requests are plain HTTP, sent to
    HTTPS before any form is read, whatever address it names (the rate limits' own tests show a
    forged X-Forwarded-For is not counted either)."""
    data = share_form(site["port"])
    answers = [
        request(
            site["port"],
            "POST",
            "/voorbeelden/delen/",
            source=DIRECT,
            forwarded=f"198.51.100.{number}",
            data=data,
        )
        for number in range(3)
    ]

    assert [status for status, _, _ in answers] == [301] * 3
    assert all(headers["Location"].startswith("https://") for _, headers, _ in answers)
    # Through the proxy the same form is taken.
    assert post_share(site["port"], data, forwarded="203.0.113.9") == 302
