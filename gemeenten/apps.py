from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    """The local layer: a gemeente is a row with its own host names (README, Gemeenten)."""

    name = "gemeenten"
    verbose_name = _("Municipalities")
