"""The content as fixtures: one file per app, Dutch and English side by side, in a fixed order.

`manage.py exportcontent` writes them (README, Checking and exporting the content); `seed
--force` writes them aside first, so reloading the seed never loses an editor's work.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone


def export_content(directory):
    """Write every fixture file into `directory`; return the paths written.

    dumpdata orders each model's rows by primary key and the files list the models in a fixed
    order, so an export of unchanged content is byte for byte the same and a diff shows only
    what an editor changed.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, labels in settings.CONTENT_MODELS.items():
        path = directory / f"{name}.json"
        call_command("dumpdata", *labels, indent=2, output=str(path), verbosity=0)
        path.write_text(_stable(path.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(path)
    return written


def _stable(text):
    """dumpdata's layout, with the ids of many-to-many links sorted (dumpdata follows the linked
    model's ordering, which moves when an editor reorders) and one newline at the end."""
    rows = json.loads(text)
    for row in rows:
        for name, value in row["fields"].items():
            if isinstance(value, list):
                row["fields"][name] = sorted(value, key=lambda item: (str(type(item)), item))
    body = ",\n".join(json.dumps(row, indent=2, ensure_ascii=False) for row in rows)
    return f"[\n{body}\n]\n"


def backup_directory():
    """A new, timestamped folder under exports/ for a copy of the content."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    base = Path(settings.BASE_DIR) / "exports"
    path = base / f"content-{stamp}"
    counter = 1
    while path.exists():
        counter += 1
        path = base / f"content-{stamp}-{counter}"
    return path
