from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand

from content.export import export_content


class Command(BaseCommand):
    help = (
        "Write the content (phases, wijkscan, library, activity types with guidance and tips, "
        "practice examples) as fixtures, one file per app in a fixed order, into fixtures/ or "
        "the folder given with --output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "fixtures"),
            help="The folder to write the fixture files to (default: fixtures/).",
        )

    def handle(self, *args, output, **options):
        for path in export_content(output):
            self.stdout.write(f"Wrote {path}")
