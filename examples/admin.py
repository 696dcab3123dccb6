from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from examples.models import PracticeExample


@admin.register(PracticeExample)
class PracticeExampleAdmin(TranslationAdmin):
    list_display = ["name", "organisation", "place", "website_link"]
    list_filter = ["guidances__phase", "guidances__activity_type"]
    search_fields = ["name", "organisation", "place", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["guidances"]

    @admin.display(description=_("website"))
    def website_link(self, obj):
        return obj.website_domain
