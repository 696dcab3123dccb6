from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from activities.models import Guidance
from phases.models import Phase, ScanAnswer, ScanQuestion, ScanWeight


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
        (
            _("Signals"),
            {"fields": ["signals", "worsening_signals", "improving_signals", "urgent_help"]},
        ),
        (_("Activity types"), {"fields": ["call_to_action"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(guidance_total=Count("guidances"))

    @admin.display(description=_("activity types"), ordering="guidance_total")
    def guidance_count(self, obj):
        return obj.guidance_total


class ScanAnswerInline(TranslationTabularInline):
    model = ScanAnswer
    fields = ["text", "slug", "position"]
    extra = 1
    show_change_link = True


@admin.register(ScanQuestion)
class ScanQuestionAdmin(TranslationAdmin):
    list_display = ["text", "position", "slug", "answer_count"]
    list_editable = ["position"]
    search_fields = ["text", "slug"]
    inlines = [ScanAnswerInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_total=Count("answers"))

    @admin.display(description=_("answers"), ordering="answer_total")
    def answer_count(self, obj):
        return obj.answer_total


class ScanWeightInline(admin.TabularInline):
    model = ScanWeight
    extra = 1


@admin.register(ScanAnswer)
class ScanAnswerAdmin(TranslationAdmin):
    list_display = ["text", "question", "weight_summary"]
    list_filter = ["question"]
    list_select_related = ["question"]
    search_fields = ["text", "question__text"]
    inlines = [ScanWeightInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("weights__phase")

    @admin.display(description=_("points toward a phase"))
    def weight_summary(self, obj):
        return ", ".join(f"{w.phase.name} {w.points}" for w in obj.weights.all()) or "—"
