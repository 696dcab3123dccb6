from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from pages.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(TranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body"]
