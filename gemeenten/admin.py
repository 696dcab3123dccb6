from django.contrib import admin
from django.contrib.auth import get_user_model

from editing.admin import ContentInlineMixin, SafeEditingMixin, keep_revisions
from editing.history import HistoryInSiteLanguageMixin
from gemeenten.editors import LocalLayerAdminMixin, own_gemeenten
from gemeenten.models import Gemeente, Host

keep_revisions(Gemeente, follow=["hosts"])
keep_revisions(Host)


class HostInline(ContentInlineMixin, admin.StackedInline):
    """Host names: set by national editors (they arrange DNS and certificates), read by all."""

    model = Host
    extra = 1
    fields = ["name"]

    def _national(self, request):
        return own_gemeenten(request.user) is None

    def has_add_permission(self, request, obj=None):
        return self._national(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._national(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._national(request) and super().has_delete_permission(request, obj)


@admin.register(Gemeente)
class GemeenteAdmin(
    LocalLayerAdminMixin, SafeEditingMixin, HistoryInSiteLanguageMixin, admin.ModelAdmin
):
    gemeente_lookup = "pk"
    list_display = ["name", "slug", "host_names"]
    search_fields = ["name", "slug", "hosts__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "theme", "editors"]
    inlines = [HostInline]

    @admin.display(description=Host._meta.verbose_name_plural)
    def host_names(self, gemeente):
        return ", ".join(host.name for host in gemeente.hosts.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("hosts")

    def get_readonly_fields(self, request, obj=None):
        if own_gemeenten(request.user) is None:
            return ()
        return ("name", "slug", "editors")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if own_gemeenten(request.user) is not None else self.prepopulated_fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return own_gemeenten(request.user) is None and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return own_gemeenten(request.user) is None and super().has_delete_permission(request, obj)
