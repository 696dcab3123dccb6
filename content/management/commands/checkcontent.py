from django.core.management import BaseCommand

from content.gaps import find_content_gaps


class Command(BaseCommand):
    help = (
        "List every gap in the content: missing translations, guidance with too few tips or no "
        "sources, phases without their situations, examples without guidance, dead internal "
        "links. Exits with status 1 when there is one."
    )

    def handle(self, *args, **options):
        gaps = find_content_gaps()
        for gap in gaps:
            self.stdout.write(str(gap))
        if gaps:
            self.stderr.write(self.style.ERROR(f"{len(gaps)} gap(s) in the content."))
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("The content is complete."))
