from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """Safe editing: revisions, conflicts, draft preview, old slugs and the login limit."""

    name = "editing"
    verbose_name = _("Safe editing")
