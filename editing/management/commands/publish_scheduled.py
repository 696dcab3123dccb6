from django.core.management import BaseCommand

from editing.drafts import publish_due


class Command(BaseCommand):
    help = (
        "Publish the draft changes whose chosen time has come. Run it every few minutes (cron "
        "or a systemd timer, see the README); a run that was missed is made up by the next."
    )

    def handle(self, *args, **options):
        published, refused = publish_due()
        for draft, labels in refused:
            self.stderr.write(
                f"Not published: {draft} (id {draft.pk}): since the draft was made, the "
                f"published version changed in {'; '.join(labels)}. An editor decides."
            )
        if options["verbosity"]:
            self.stdout.write(f"Published {published} scheduled draft change(s).")
