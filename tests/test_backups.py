"""`make backup` and `make restore`: back up, wipe, restore, and every row is back.

Runs the Makefile targets as written against a database of its own: a SQLite file, or a fresh
PostgreSQL database beside DATABASE_URL's when that is PostgreSQL (CI's second pass).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_servers import database_url  # noqa: F401 (a fixture)

pytestmark = pytest.mark.servers

BASE_DIR = Path(__file__).resolve().parent.parent
# A revision (django-reversion) and an old slug, besides the seed content.
HISTORY = """
import reversion
from django.contrib.contenttypes.models import ContentType
from editing.models import SlugHistory
from phases.models import Phase

phase = Phase.objects.get(slug="in-rust")
with reversion.create_revision():
    phase.quote_nl = "Een nieuwe kernzin, bewaard in een revisie."
    phase.save()
    reversion.set_comment("Kernzin aangepast")
SlugHistory.objects.create(
    content_type=ContentType.objects.get_for_model(Phase), object_id=phase.pk, old_slug="rustig"
)
"""


@pytest.fixture
def env(database_url, tmp_path):  # noqa: F811
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="wijkverbinder.settings",
        DJANGO_SECRET_KEY="backups-test-secret-" + "k3y" * 10,
        DATABASE_URL=database_url,
        DJANGO_BACKUP_DIR=str(tmp_path / "backups"),
    )
    return env


def run(env, *args):
    result = subprocess.run(
        list(args), cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def manage(env, *args):
    return run(env, sys.executable, "manage.py", *args)


def everything(env):
    """Every row of every table a person made, as dumpdata writes them (ordered by key)."""
    rows = json.loads(
        manage(
            env,
            "dumpdata",
            "--exclude=contenttypes",
            "--exclude=auth.permission",
            "--exclude=sessions",
            "--exclude=pagecache.contentversion",
        )
    )
    return sorted(rows, key=lambda row: (row["model"], str(row["pk"])))


def count(rows, model):
    return sum(1 for row in rows if row["model"] == model)


def test_backup_wipe_restore_gives_every_row_revision_and_old_slug_back(env, tmp_path):
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "shell", "-c", HISTORY)
    before = everything(env)
    assert count(before, "reversion.version") >= 1
    assert count(before, "editing.slughistory") == 1
    assert count(before, "phases.phase") == 4

    output = run(env, "make", "--no-print-directory", "backup")
    backup = Path(re.search(r"Backup written: (\S+)", output).group(1))
    assert backup.parent == tmp_path / "backups"
    assert backup.stat().st_mode & 0o077 == 0  # personal data: for the owner only

    manage(env, "flush", "--no-input")
    assert count(everything(env), "phases.phase") == 0

    output = run(env, "make", "--no-print-directory", "restore", f"FROM={backup}")

    assert everything(env) == before
    # The wiped database was saved first: nothing is ever destroyed without a copy.
    saved = Path(re.search(r"The database as it was is saved in (\S+)\.", output).group(1))
    assert saved.exists()
    assert saved != backup
    run(env, "make", "--no-print-directory", "restore", f"FROM={saved}")
    assert count(everything(env), "phases.phase") == 0


def test_restore_refuses_what_is_no_backup_and_changes_nothing(env, tmp_path):
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed", "-v0")
    before = everything(env)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nothing")

    for path in (tmp_path / "missing.sqlite3", bogus, wrong):
        result = subprocess.run(
            [sys.executable, "manage.py", "restoredb", str(path)],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        assert "CommandError" in result.stderr or "Error" in result.stderr

    assert everything(env) == before


def test_make_restore_without_a_backup_named_says_how(env):
    result = subprocess.run(
        ["make", "--no-print-directory", "restore"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "make restore FROM=backups/" in result.stdout
