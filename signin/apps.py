from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    """Signing in to the admin: a password, then a code from an app or a recovery code."""

    name = "signin"
    verbose_name = _("Signing in")
