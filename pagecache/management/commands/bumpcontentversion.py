from django.core.management import BaseCommand

from pagecache import version as content_version


class Command(BaseCommand):
    help = (
        "Move the content version on, so every cached page is rendered again. Saves do this by "
        "themselves; run it after a database restore, QuerySet.update() or raw SQL on content."
    )

    def handle(self, *args, **options):
        content_version.bump()
        self.stdout.write(f"Content version is now {content_version.current()}.")
