from django.conf import settings
from django.core.management import BaseCommand

from phases.models import Phase
from phases.og import write_all


class Command(BaseCommand):
    help = (
        "Draw the link-preview image (1200 x 630) of every phase in every language into "
        "GENERATED_STATIC_DIR/og/. Run it after the phases change, before collectstatic."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=None,
            help="Directory to write into (default: GENERATED_STATIC_DIR).",
        )

    def handle(self, *args, output=None, **options):
        phases = list(Phase.objects.for_overview())
        written = write_all(phases, output or settings.GENERATED_STATIC_DIR)
        self.stdout.write(self.style.SUCCESS(f"{len(written)} link-preview image(s) drawn."))
