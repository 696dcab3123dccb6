from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from activities.models import ActivityType
        from editing.slugs import keep_old_slugs, redirect_old_slugs

        keep_old_slugs(ActivityType)
        redirect_old_slugs(
            "activities:detail", phase_slug="phases.Phase", slug="activities.ActivityType"
        )
