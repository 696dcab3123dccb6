from django.core.management import BaseCommand
from django.utils.translation import gettext_lazy as _

from examples.fulltext import is_postgresql, update_search_vectors
from examples.models import PracticeExample


class Command(BaseCommand):
    help = _("Rebuild the search vectors of all practice examples (PostgreSQL).")

    def handle(self, *args, **options):
        if not is_postgresql():
            self.stdout.write("Not PostgreSQL: the search reads the texts directly; nothing to do.")
            return
        update_search_vectors(PracticeExample.objects.all())
        self.stdout.write(
            self.style.SUCCESS(f"{PracticeExample.objects.count()} examples indexed.")
        )
