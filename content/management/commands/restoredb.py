from django.core.management import BaseCommand, CommandError

from content.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Put a backup made by backupdb back in place of the whole database. A backup of the "
        "database as it is is written first. `make restore FROM=backups/<name>` runs this."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file, e.g. backups/20261201-120000-...")

    def handle(self, *args, path, **options):
        try:
            before = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"The database as it was is saved in {before}.")
        self.stdout.write(self.style.SUCCESS(f"Restored {path}."))
        self.stdout.write(
            "If the backup is from an older release, run `make release` (it migrates)."
        )
