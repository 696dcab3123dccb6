"""Two app servers, one database, one Redis: an edit through one shows at once through the other.

Starts real processes (redis-server, gunicorn with production settings) on free loopback ports.
Skipped when redis-server is not installed (`make test` and CI install it). Deselect with
`-m "not servers"`.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.servers

BASE_DIR = Path(__file__).resolve().parent.parent
PHASE_PAGE = "/verbinden/in-rust/"
NAME = "Elkaar helpen"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """Just enough of a browser: cookies by hand (the production cookies are Secure-only)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        content = response.read().decode()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        connection.close()
        return response.status, response.headers, content

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


class FormFields(HTMLParser):
    """The values a browser would submit from the page's forms."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def scrape_form(html):
    parser = FormFields()
    parser.feed(html)
    return parser.fields


@pytest.fixture
def database_url(tmp_path):
    """A fresh SQLite file, or a fresh database beside DATABASE_URL's when that is PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'servers.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_servers"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        _drop_database(connection, name)
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        _drop_database(connection, name)


def _drop_database(connection, name, seconds=10):
    """Drop the servers' database once its last connection has closed.

    Not `WITH (FORCE)`: that also ends PostgreSQL's own workers on it (autovacuum), which the
    test's role may not do. The servers are stopped by then; their connections close in moments.
    """
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def production_env(database_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="wijkverbinder.settings",
        DJANGO_SECRET_KEY="servers-test-secret-" + "k3y" * 10,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        # These tests are about caches shared by two servers; the editor logs in with a password
        # only (two-step login has tests of its own: tests/signin).
        DJANGO_ADMIN_2FA="false",
        DATABASE_URL=database_url,
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def wait_until_healthy(port, process, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        assert process.poll() is None, process.stderr.read()
        try:
            if Client(port).get("/healthz", headers={"Host": "127.0.0.1"})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"no healthy server on port {port}")


@pytest.fixture
def start(tmp_path):
    """Start processes; stop every one of them afterwards."""
    processes = []

    def _start(args, env):
        process = subprocess.Popen(
            args,
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        return process

    yield _start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def start_redis(start):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    start([*args, "--appendonly", "no"], os.environ.copy())
    return f"redis://127.0.0.1:{port}/0"


def start_app(start, env):
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "wijkverbinder.wsgi", "--bind", f"127.0.0.1:{port}"]
    process = start([*args, "--workers", "2"], {**env, "GUNICORN_LOG_LEVEL": "error"})
    wait_until_healthy(port, process)
    return port


def phase_page(port):
    return Client(port).get(PHASE_PAGE, headers={"Host": "127.0.0.1"})


def edit_activity_in_the_admin(port, env, new_name):
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser('editor', 'e@example.nl', 'a-long-password')",
    )
    editor = Client(port)
    host = {"Host": "127.0.0.1"}
    _, _, login_page = editor.get("/admin/login/", headers=host)
    login = {
        **scrape_form(login_page),
        "username": "editor",
        "password": "a-long-password",
    }
    status, _, _ = editor.request("POST", "/admin/login/?next=/admin/", data=login, headers=host)
    assert status == 302
    change_url = "/admin/activities/activitytype/6/change/"
    status, _, form_page = editor.get(change_url, headers=host)
    assert status == 200
    form = {**scrape_form(form_page), "name_nl": new_name, "_save": "Opslaan"}
    status, _, body = editor.request("POST", change_url, data=form, headers=host)
    assert status == 302, body[:2000]


def test_an_edit_through_one_server_shows_at_once_through_the_other(production_env, start):
    env = {**production_env, "REDIS_URL": start_redis(start)}
    first, second = start_app(start, env), start_app(start, env)
    for _ in range(4):  # every worker of both servers has the page in the shared cache
        assert NAME in phase_page(first)[2]
        assert NAME in phase_page(second)[2]
    etag = phase_page(first)[1]["ETag"]
    assert phase_page(second)[1]["ETag"] == etag  # one validator for the whole cluster

    edit_activity_in_the_admin(first, env, "Elkaar helpen, bijgewerkt")

    for _ in range(4):
        status, headers, content = phase_page(second)
        assert status == 200
        assert "Elkaar helpen, bijgewerkt" in content
        assert headers["ETag"] != etag


def test_an_edit_in_a_shell_shows_at_once_in_every_worker_with_the_default_cache(
    production_env, start
):
    first, second = start_app(start, production_env), start_app(start, production_env)
    for _ in range(6):
        assert NAME in phase_page(first)[2]
        assert NAME in phase_page(second)[2]

    manage(
        production_env,
        "shell",
        "-c",
        "from activities.models import ActivityType; "
        "a = ActivityType.objects.get(slug='elkaar-helpen'); a.name_nl = 'Hulp over en weer'; "
        "a.save()",
    )

    for _ in range(6):
        assert "Hulp over en weer" in phase_page(first)[2]
        assert "Hulp over en weer" in phase_page(second)[2]
