import datetime

from django.core.management import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from examples.models import ExampleSubmission

KEEP_DAYS = 183  # six months, as the form's privacy line promises


class Command(BaseCommand):
    help = _("Erase the e-mail addresses of shared examples decided on more than six months ago.")

    def handle(self, *args, **options):
        moment = timezone.now() - datetime.timedelta(days=KEEP_DAYS)
        erased = ExampleSubmission.objects.decided_before(moment).exclude(email="").update(email="")
        self.stdout.write(f"{erased} e-mail address(es) erased.")
