from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from activities.models import Guidance
from phases.models import Phase


class GuidanceInline(admin.TabularInline):
    """The activity types of a phase, in order; each opens its own guidance form."""

    model = Guidance
    fields = ["activity_type", "position", "is_published"]
    readonly_fields = ["activity_type"]
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ["position"]

    def has_add_permission(self, request, obj=None):
        # A guidance needs its introduction and tips: it is added in its own form.
        return False


@admin.register(Phase)
class PhaseAdmin(TranslationAdmin):
    list_display = ["title", "position", "colour", "slug", "guidance_count"]
    list_display_links = ["title"]
    search_fields = ["title", "headline", "current_quote", "desired_quote"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GuidanceInline]
    fieldsets = [
        (None, {"fields": ["title", "name", "slug", "position", "colour", "headline"]}),
        (_("Current situation"), {"fields": ["current_quote", "current_text"]}),
        (_("Desired situation"), {"fields": ["desired_quote", "desired_text"]}),
        (_("Signals"), {"fields": ["signals"]}),
        (_("Activity types"), {"fields": ["call_to_action"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(guidance_total=Count("guidances"))

    @admin.display(description=_("activity types"), ordering="guidance_total")
    def guidance_count(self, obj):
        return obj.guidance_total
