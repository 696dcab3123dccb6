from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Tools over all the content: seeding, checking for gaps. The top floor of the apps."""

    name = "content"
    verbose_name = _("Content tools")
