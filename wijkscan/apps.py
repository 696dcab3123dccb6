from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkscanConfig(AppConfig):
    name = "wijkscan"
    verbose_name = _("Wijkscan")

    def ready(self):
        from editing.slugs import keep_old_slugs
        from wijkscan.models import ScanAnswer, ScanQuestion

        # Shared outcome links carry these slugs; the views translate old ones (views.py).
        keep_old_slugs(ScanQuestion)
        keep_old_slugs(ScanAnswer)
