from django.core.management import BaseCommand, CommandError

from content.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a copy of the whole database (PostgreSQL: pg_dump; SQLite: its backup API) into "
        "BACKUP_DIR (backups/), named by the time. `make backup` runs this."
    )

    def handle(self, *args, **options):
        try:
            path = backup()
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
