from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """The content version, the release id and every cache built on them (README, Caching)."""

    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from pagecache import version

        version.connect()
