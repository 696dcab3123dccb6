"""Copies of the whole database in BACKUP_DIR (README, Backups): `make backup`, `make restore`.

Everything is in the copy: content, revisions, old slugs, submissions, buurtoverleggen, accounts
and login records. PostgreSQL is copied with pg_dump (custom format) and put back with pg_restore
in one transaction; SQLite with its own backup API, which copies a consistent database while the
site runs. A restore first writes a backup of the database as it is, so it never destroys
anything that has no copy, and then moves the content version on, so no cached page or ETag from
before survives it.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from pagecache import version as content_version

SUFFIXES = {"postgresql": ".pgdump", "sqlite": ".sqlite3"}


class BackupError(Exception):
    pass


def _database():
    database = settings.DATABASES["default"]
    vendor = connection.vendor
    if vendor not in SUFFIXES:
        raise BackupError(f"No backup for a {vendor} database: only PostgreSQL and SQLite.")
    return vendor, database


def _new_path(vendor):
    directory = Path(settings.BACKUP_DIR)
    # Backups hold e-mail addresses and password hashes: for the owner's eyes only.
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = directory / f"{stamp}-{vendor}{SUFFIXES[vendor]}"
    counter = 1
    while path.exists():
        counter += 1
        path = directory / f"{stamp}-{counter}-{vendor}{SUFFIXES[vendor]}"
    return path


def _pg_environment(database):
    """libpq's variables, so no password shows in the list of processes."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _program(name):
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def backup():
    """Write a copy of the database into BACKUP_DIR; return its path."""
    vendor, database = _database()
    path = _new_path(vendor)
    if vendor == "postgresql":
        result = subprocess.run(
            [_program("pg_dump"), "--format=custom", "--no-owner", f"--file={path}"],
            env=_pg_environment(database),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            path.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        source = sqlite3.connect(database["NAME"])
        target = sqlite3.connect(path)
        try:
            with target:
                source.backup(target)
        finally:
            source.close()
            target.close()
    path.chmod(0o600)
    return path


def restore(path):
    """Put the backup at `path` back; return the path of the backup written first."""
    vendor, database = _database()
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    if path.suffix != SUFFIXES[vendor]:
        raise BackupError(
            f"{path.name} is not a {vendor} backup (those end in {SUFFIXES[vendor]})."
        )
    if vendor == "sqlite":
        _check_sqlite(path)
    before = backup()
    connection.close()
    if vendor == "postgresql":
        result = subprocess.run(
            [
                _program("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(path),
            ],
            env=_pg_environment(database),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(
                f"pg_restore failed and changed nothing: {result.stderr.strip()}\n"
                f"The database as it was is also in {before}."
            )
    else:
        source = sqlite3.connect(path)
        target = sqlite3.connect(database["NAME"])
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    # Cached pages and ETags hold the content version: a restored one could repeat an old one.
    content_version.bump()
    return before


def _check_sqlite(path):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as copy:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} is not a readable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path.name} is damaged: {result}")
