from django.core.management import BaseCommand

from editing.drafts import publish_due


class Command(BaseCommand):
    help = (
        "Publish the draft changes whose chosen time has come. Run it every few minutes (cron "
        "or a systemd timer, see the README); a run that was missed is made up by the next."
    )

    def handle(self, *args, **options):
        count = publish_due()
        if options["verbosity"]:
            self.stdout.write(f"Published {count} scheduled draft change(s).")
