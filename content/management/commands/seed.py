from django.core.management import BaseCommand, call_command

from phases.models import Phase

# In dependency order: guidance refers to phases, activity types and publications; examples to
# guidance. The footer pages stand alone.
FIXTURES = ["pages", "phases", "wijkscan", "library", "activities", "examples"]


class Command(BaseCommand):
    help = (
        "Load the seed content from fixtures/ into an empty database. Content that editors have "
        "already entered is left alone unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the fixtures even if there is content; rows with the same id are "
            "overwritten with the seed version.",
        )

    def handle(self, *args, force=False, **options):
        if Phase.objects.exists() and not force:
            self.stdout.write("Content is already there; nothing loaded (use --force to reload).")
            return
        call_command("loaddata", *FIXTURES, verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS("Seed content loaded."))
