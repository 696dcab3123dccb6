import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import PhaseFactory

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    phase = PhaseFactory()

    response = client.get(phase.get_absolute_url())

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client):
    phase = PhaseFactory()

    for path in ("/", phase.get_absolute_url(), "/en/"):
        assert not client.get(path).cookies, path


def _run(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "wijkverbinder.settings", **env},
        capture_output=True,
        text=True,
        check=False,
        # A server that starts when it should refuse would run forever: the test fails instead.
        timeout=60,
    )


def _manage(*args, env):
    return _run("manage.py", *args, env=env)


def test_deploy_check_is_clean_with_production_values():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x7Kq9" * 10,
            "DJANGO_ALLOWED_HOSTS": "wijkverbinder.example.nl",
            # Without a contact the contact page names nobody: pages.W001.
            "DJANGO_CONTACT_EMAIL": "wijkverbinder@example.nl",
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_server_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = _run("-c", "import wijkverbinder.wsgi", env={"DJANGO_SECRET_KEY": ""})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("command", [["check"], ["runserver", "--noreload", "127.0.0.1:0"]])
def test_without_a_secret_key_every_command_refuses_to_start_even_in_debug(command):
    # An empty variable wins over a developer's .env, as a missing one does on a server.
    result = _manage(*command, env={"DJANGO_SECRET_KEY": "", "DJANGO_DEBUG": "true"})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
