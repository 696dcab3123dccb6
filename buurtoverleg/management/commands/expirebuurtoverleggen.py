from django.core.management import BaseCommand

from buurtoverleg import pdf
from buurtoverleg.models import Overleg, retention


class Command(BaseCommand):
    help = (
        "Delete every buurtoverleg (with its answers and plan) whose last change is older than "
        "BUURTOVERLEG_RETENTION_DAYS (default 365). Run it daily from cron."
    )

    def handle(self, *args, **options):
        expired = Overleg.objects.expired()
        pks = list(expired.values_list("pk", flat=True))
        count = len(pks)
        pdf.forget(pks)
        _total, per_model = expired.delete()
        responses = per_model.get("buurtoverleg.Response", 0)
        self.stdout.write(
            f"Deleted {count} buurtoverleg(gen) not changed in {retention().days} days "
            f"({responses} responses)."
        )
