from django.contrib import admin

from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from library.models import Publication

keep_revisions(Publication)


@admin.register(Publication)
class PublicationAdmin(SafeEditingMixin, ContentAdmin):
    list_display = ["title", "kind", "publisher", "year", "position", "is_published"]
    list_editable = ["position"]
    list_filter = ["is_published", "kind", "publisher"]
    search_fields = ["title", "authors", "publisher", "summary"]
    prepopulated_fields = {"slug": ["title"]}
