from django.contrib import admin

from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from search.models import RelatedTerm

keep_revisions(RelatedTerm)


@admin.register(RelatedTerm)
class RelatedTermAdmin(SafeEditingMixin, ContentAdmin):
    """The words a search also looks for: editors keep the list of what visitors type."""

    list_display = ["word", "related"]
    search_fields = ["word_nl", "word_en", "related_nl", "related_en"]
    fields = ["word", "related"]
