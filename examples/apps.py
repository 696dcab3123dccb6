from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExamplesConfig(AppConfig):
    name = "examples"
    verbose_name = _("Practice examples")

    def ready(self):
        from core.slugs import keep_old_slugs, redirect_old_slugs
        from examples.models import PracticeExample

        keep_old_slugs(PracticeExample)
        # The examples' own pages (/voorbeelden/<slug>/), once they exist under this name.
        redirect_old_slugs("examples:detail", slug="examples.PracticeExample")
