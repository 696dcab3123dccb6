"""`check --deploy` fails with a clear message when a translation catalogue is not compiled."""

import os
import subprocess
import sys

from django.core import checks

from core.checks import compiled_catalogues


def catalogue(tmp_path, mo=True, mo_older=False):
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "django.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    if mo:
        (folder / "django.mo").write_bytes(b"compiled")
        if mo_older:
            os.utime(folder / "django.mo", (1, 1))
    return folder


def test_a_missing_catalogue_is_an_error_that_says_what_to_run(settings, tmp_path):
    catalogue(tmp_path, mo=False)
    settings.LOCALE_PATHS = [tmp_path]

    [error] = compiled_catalogues()

    assert error.id == "core.E001"
    assert "nl/LC_MESSAGES/django.mo is missing" in error.msg
    assert "compilemessages" in error.hint


def test_a_catalogue_older_than_its_po_file_is_an_error(settings, tmp_path):
    catalogue(tmp_path, mo_older=True)
    settings.LOCALE_PATHS = [tmp_path]

    [error] = compiled_catalogues()

    assert "older than its .po file" in error.msg


def test_a_compiled_catalogue_passes(settings, tmp_path):
    catalogue(tmp_path)
    settings.LOCALE_PATHS = [tmp_path]

    assert compiled_catalogues() == []


def test_the_check_runs_with_deploy_only(settings, tmp_path):
    catalogue(tmp_path, mo=False)
    settings.LOCALE_PATHS = [tmp_path]

    everyday = checks.run_checks(tags=[checks.Tags.translation])
    deploy = checks.run_checks(tags=[checks.Tags.translation], include_deployment_checks=True)

    assert "core.E001" not in {message.id for message in everyday}
    assert "core.E001" in {message.id for message in deploy}


def test_manage_py_check_deploy_fails_on_a_missing_catalogue(tmp_path):
    """The command itself, in a process of its own: its exit code is what a deploy script sees."""
    catalogue(tmp_path, mo=False)
    code = (
        "import sys, django; from django.conf import settings; django.setup(); "
        f"settings.LOCALE_PATHS = [{str(tmp_path)!r}]; "
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--tag', 'translation'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )

    assert result.returncode != 0
    assert "core.E001" in result.stderr
    assert "is missing" in result.stderr
