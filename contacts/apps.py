from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    """Who to call, per phase: national defaults and each gemeente's own (README, Gemeenten)."""

    name = "contacts"
    verbose_name = _("Contacts")
