"""Development mode has one way in (.env); without a secret key nothing starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(DJANGO_SETTINGS_MODULE="wijkverbinder.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("command", [["check"], ["runserver", "--noreload", "127.0.0.1:0"]])
def test_without_a_secret_key_every_command_refuses_to_start_even_in_debug(command):
    # An empty variable in the environment wins over a developer's .env, as a missing one would
    # on a server without .env.
    result = _manage(*command, DJANGO_SECRET_KEY="", DJANGO_DEBUG="true")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_with_a_secret_key_and_debug_off_the_checks_pass():
    result = _manage("check", DJANGO_SECRET_KEY="a-test-secret", DJANGO_DEBUG="false")

    assert result.returncode == 0, result.stderr
