"""An identifier of the code and templates being served, part of every page-cache key and ETag.

A deploy that changes a template, a view or a translation must not be answered from pages or
304s of the previous release, even when no content changed. Every app server running the same
release computes the same identifier, so validators stay equal across servers.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__", "tests", "build", "benchmarks"}
SUFFIXES = {".py", ".html", ".txt", ".mo", ".json"}


@cache
def release_id():
    """DJANGO_RELEASE when set (e.g. the commit), or a hash of the code, templates and manifest."""
    if os.environ.get("DJANGO_RELEASE"):
        return os.environ["DJANGO_RELEASE"]
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        if Path(root) == base / "fixtures":
            continue
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix in SUFFIXES and (path.suffix != ".json" or name == "staticfiles.json"):
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
