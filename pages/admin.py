from django.contrib import admin

from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from pages.models import SitePage

keep_revisions(SitePage)


@admin.register(SitePage)
class SitePageAdmin(SafeEditingMixin, ContentAdmin):
    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body"]
