from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkscanConfig(AppConfig):
    name = "wijkscan"
    verbose_name = _("Wijkscan")
