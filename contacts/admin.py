from django.contrib import admin

from contacts.models import Contact
from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from gemeenten.editors import LocalLayerAdminMixin

keep_revisions(Contact)


@admin.register(Contact)
class ContactAdmin(LocalLayerAdminMixin, SafeEditingMixin, ContentAdmin):
    list_display = ["name", "gemeente", "phone", "position"]
    list_filter = [("gemeente", admin.RelatedOnlyFieldListFilter), "phases"]
    search_fields = ["name", "description"]
    fields = [
        "gemeente",
        "name",
        "description",
        "phone",
        "email",
        "website",
        "hours",
        "phases",
        "position",
    ]
