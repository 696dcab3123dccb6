from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        # The examples' search (a floor below) finds related words through this app's list.
        from examples import fulltext
        from search.models import RelatedTerm

        fulltext.set_related_words(RelatedTerm.objects.for_words)
