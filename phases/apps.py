from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhasesConfig(AppConfig):
    name = "phases"
    verbose_name = _("Phases")

    def ready(self):
        from editing.slugs import keep_old_slugs, redirect_old_slugs
        from phases.models import Phase

        # Shared links to a renamed phase keep working (README, Links that never break).
        keep_old_slugs(Phase)
        redirect_old_slugs("phases:detail", slug="phases.Phase")
