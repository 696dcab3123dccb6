from django.conf import settings
from django.core.management import BaseCommand, call_command

from content.export import backup_directory, export_content
from editing.history import keep_initial_versions
from phases.models import Phase

# In dependency order: guidance refers to phases, activity types and publications; examples to
# guidance.
FIXTURES = list(settings.CONTENT_MODELS)


class Command(BaseCommand):
    help = (
        "Load the seed content from fixtures/ into an empty database. Content that editors have "
        "already entered is left alone unless --force is given; then it is first exported to "
        "a timestamped folder under exports/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the fixtures even if there is content; rows with the same id are "
            "overwritten with the seed version, after a copy of the content is written to "
            "exports/.",
        )

    def handle(self, *args, force=False, **options):
        if Phase.objects.exists():
            if not force:
                self.stdout.write(
                    "Content is already there; nothing loaded (use --force to reload)."
                )
                return
            # Editors' work is precious: keep a copy before the seed overwrites it.
            folder = backup_directory()
            export_content(folder)
            self.stdout.write(
                self.style.WARNING(f"The content as it was is saved in {folder}/ first.")
            )
        call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])
        # Each item's first version is the seed: an editor's first change can be undone.
        keep_initial_versions()
        self.stdout.write(self.style.SUCCESS("Seed content loaded."))
