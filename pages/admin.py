from django.contrib import admin

from core.admin import ContentAdmin
from pages.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(ContentAdmin):
    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body"]
