from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared helpers and template tags; imports no other app of the project."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import content_version

        content_version.connect()
