from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Small helpers every app may use (htmx, text, addresses, visitors, rate limits, deploy
    checks); imports no other app.

    Its one model counts rate limits (core.ratelimit). Its earlier models moved out: the content
    version to `pagecache`, old slugs to `editing`.
    """

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import checks  # noqa: F401 (registers the deploy checks)
