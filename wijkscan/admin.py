from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import SafeEditingMixin, keep_revisions
from wijkscan.models import ScanAnswer, ScanQuestion, ScanWeight

# A question's revision keeps its answers, and an answer's its weights.
keep_revisions(ScanWeight)
keep_revisions(ScanAnswer, follow=["weights"])
keep_revisions(ScanQuestion, follow=["answers"])


class ScanAnswerInline(TranslationTabularInline):
    model = ScanAnswer
    fields = ["text", "slug", "position"]
    extra = 1
    show_change_link = True


@admin.register(ScanQuestion)
class ScanQuestionAdmin(SafeEditingMixin, TranslationAdmin):
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
    ordering = ["phase__position"]


@admin.register(ScanAnswer)
class ScanAnswerAdmin(SafeEditingMixin, TranslationAdmin):
    list_display = ["text", "question", "weight_summary"]
    list_filter = ["question"]
    list_select_related = ["question"]
    search_fields = ["text", "question__text"]
    ordering = ["question__position", "position", "id"]
    inlines = [ScanWeightInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("weights__phase")

    @admin.display(description=_("points toward a phase"))
    def weight_summary(self, obj):
        weights = sorted(obj.weights.all(), key=lambda weight: weight.phase.position)
        return ", ".join(f"{w.phase.name} {w.points}" for w in weights) or "—"
