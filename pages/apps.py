from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The site's own pages linked from every footer: about, contact, privacy, accessibility."""

    name = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from pages import checks  # noqa: F401 (registers the deploy check)
