from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from editing.admin import ContentAdmin, ContentInlineMixin, SafeEditingMixin, keep_revisions
from phases.models import Phase
from wijkscan.models import ScanAnswer, ScanQuestion, ScanWeight

# A question's revision keeps its answers, and an answer's its weights.
keep_revisions(ScanWeight)
keep_revisions(ScanAnswer, follow=["weights"])
keep_revisions(ScanQuestion, follow=["answers"])

POINTS_PREFIX = "points_"


class ScanAnswerPointsForm(forms.ModelForm):
    """An answer with its points for each phase as columns: the question's form is the whole
    grid of answers x phases. Empty means the answer does not point to that phase."""

    phases = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            points = {weight.phase_id: weight.points for weight in self.instance.weights.all()}
            for phase in self.phases:
                self.initial[f"{POINTS_PREFIX}{phase.pk}"] = points.get(phase.pk)

    def save(self, commit=True):
        answer = super().save(commit=commit)
        if commit:
            self._save_points(answer)
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_points():
                save_m2m()
                self._save_points(answer)

            self.save_m2m = save_m2m_and_points
        return answer

    def _save_points(self, answer):
        for phase in self.phases:
            points = self.cleaned_data.get(f"{POINTS_PREFIX}{phase.pk}")
            if points:
                ScanWeight.objects.update_or_create(
                    answer=answer, phase=phase, defaults={"points": points}
                )
            else:
                ScanWeight.objects.filter(answer=answer, phase=phase).delete()


def _points_field(phase):
    return forms.IntegerField(
        label=phase.name,
        min_value=1,
        max_value=5,
        required=False,
        help_text=_("Points toward this phase, 1 to 5; empty: none."),
        widget=forms.NumberInput(attrs={"min": 1, "max": 5, "class": "points-input"}),
    )


class ScanAnswerInline(ContentInlineMixin, TranslationTabularInline):
    """The question's answers, each with its points per phase: one screen for the whole grid."""

    model = ScanAnswer
    fields = ["text", "slug", "position", "needs_urgent_help"]
    extra = 1
    show_change_link = True
    classes = ["scan-grid"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("weights")

    def _phases(self, request):
        if not hasattr(request, "_scan_phases"):
            request._scan_phases = list(Phase.objects.for_overview())
        return request._scan_phases

    def get_fields(self, request, obj=None):
        points = [f"{POINTS_PREFIX}{phase.pk}" for phase in self._phases(request)]
        return [*super().get_fields(request, obj), *points]

    def get_formset(self, request, obj=None, **kwargs):
        phases = self._phases(request)
        attributes = {f"{POINTS_PREFIX}{phase.pk}": _points_field(phase) for phase in phases}
        kwargs["form"] = type(
            "ScanAnswerPointsForm", (ScanAnswerPointsForm,), {"phases": phases, **attributes}
        )
        return super().get_formset(request, obj, **kwargs)


@admin.register(ScanQuestion)
class ScanQuestionAdmin(SafeEditingMixin, ContentAdmin):
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
class ScanAnswerAdmin(SafeEditingMixin, ContentAdmin):
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
