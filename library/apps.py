from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from editing.slugs import keep_old_slugs, redirect_old_slugs
        from library.models import Publication

        keep_old_slugs(Publication)
        redirect_old_slugs("library:detail", slug="library.Publication")
