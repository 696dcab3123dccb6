"""System checks for a deploy (`manage.py check --deploy`, run by `make release`)."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.translation, deploy=True)
def compiled_catalogues(app_configs=None, **kwargs):
    """Every translation catalogue (.po) in LOCALE_PATHS is compiled (.mo), and not older.

    The .mo files are not in git. Without them Django falls back to the English msgids, so a
    Dutch page shows English buttons and labels, and nothing else would say so.
    """
    errors = []
    for directory in settings.LOCALE_PATHS:
        for po in sorted(Path(directory).glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists():
                problem = "is missing"
            elif mo.stat().st_mtime < po.stat().st_mtime:
                problem = "is older than its .po file"
            else:
                continue
            errors.append(
                checks.Error(
                    f"The compiled translation catalogue {mo} {problem}: pages in its language "
                    "would show English or outdated interface labels.",
                    hint="Run `python manage.py compilemessages` (`make release` does).",
                    id="core.E001",
                )
            )
    return errors
