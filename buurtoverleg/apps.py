from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtoverlegConfig(AppConfig):
    """A team looks at the neighbourhood together and leaves the meeting with a plan."""

    name = "buurtoverleg"
    verbose_name = _("Buurtoverleg")
