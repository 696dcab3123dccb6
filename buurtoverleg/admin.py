from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from buurtoverleg.models import Overleg, ParticipantRole
from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions

keep_revisions(ParticipantRole)


@admin.register(ParticipantRole)
class ParticipantRoleAdmin(SafeEditingMixin, ContentAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


@admin.register(Overleg)
class OverlegAdmin(admin.ModelAdmin):
    """Counts only: editors never see a team's answers, its plan or its links."""

    list_display = ["name", "created_at", "updated_at", "response_count", "plan_item_count"]
    fields = ["name", "created_at", "updated_at", "response_count", "plan_item_count"]
    readonly_fields = fields
    date_hierarchy = "updated_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                response_total=Count("responses", distinct=True),
                plan_item_total=Count("plan_items", distinct=True),
            )
        )

    def has_add_permission(self, request):
        return False

    def get_deleted_objects(self, objs, request):
        """The delete confirmation (one or several) lists the buurtoverleggen and how many of
        each kind go with them: never the responses, answers or plan activities themselves."""
        _listed, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        return [str(obj) for obj in objs], model_count, perms_needed, protected

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("responses"), ordering="response_total")
    def response_count(self, obj):
        return obj.response_total

    @admin.display(description=_("activities in the plan"), ordering="plan_item_total")
    def plan_item_count(self, obj):
        return obj.plan_item_total
