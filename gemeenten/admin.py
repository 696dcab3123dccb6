from django.contrib import admin

from editing.admin import ContentInlineMixin, SafeEditingMixin, keep_revisions
from editing.history import HistoryInSiteLanguageMixin
from gemeenten.models import Gemeente, Host

keep_revisions(Gemeente, follow=["hosts"])
keep_revisions(Host)


class HostInline(ContentInlineMixin, admin.TabularInline):
    model = Host
    extra = 1
    fields = ["name"]


@admin.register(Gemeente)
class GemeenteAdmin(SafeEditingMixin, HistoryInSiteLanguageMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "host_names"]
    search_fields = ["name", "slug", "hosts__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug"]
    inlines = [HostInline]

    @admin.display(description=Host._meta.verbose_name_plural)
    def host_names(self, gemeente):
        return ", ".join(host.name for host in gemeente.hosts.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("hosts")
