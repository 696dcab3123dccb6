from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from activities.models import ActivityType, BindingRung, Guidance, Tip
from examples.models import PracticeExample


@admin.register(BindingRung)
class BindingRungAdmin(TranslationAdmin):
    list_display = ["number", "name"]
    list_display_links = ["name"]


@admin.register(ActivityType)
class ActivityTypeAdmin(TranslationAdmin):
    list_display = ["name", "rung", "position", "slug", "phase_count"]
    list_editable = ["position"]
    list_filter = ["rung"]
    list_select_related = ["rung"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(phase_total=Count("guidances"))

    @admin.display(description=_("phases"), ordering="phase_total")
    def phase_count(self, obj):
        return obj.phase_total


class TipInline(TranslationTabularInline):
    model = Tip
    fields = ["kind", "text", "position"]
    extra = 1


class ExampleInline(admin.TabularInline):
    model = PracticeExample.guidances.through
    autocomplete_fields = ["practiceexample"]
    extra = 1
    verbose_name = _("practice example")
    verbose_name_plural = _("practice examples")


@admin.register(Guidance)
class GuidanceAdmin(TranslationAdmin):
    list_display = [
        "__str__",
        "phase",
        "activity_type",
        "position",
        "is_published",
        "last_reviewed",
        "works_count",
        "does_not_work_count",
    ]
    list_editable = ["position", "is_published"]
    list_filter = ["phase", "activity_type", "is_published", "last_reviewed"]
    list_select_related = ["phase", "activity_type"]
    search_fields = ["activity_type__name", "phase__title", "introduction"]
    autocomplete_fields = ["activity_type", "sources"]
    fields = [
        "phase",
        "activity_type",
        "position",
        "is_published",
        "introduction",
        "target_group_advice",
        "sources",
        "last_reviewed",
    ]
    inlines = [TipInline, ExampleInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                works_total=Count("tips", filter=Q(tips__kind=Tip.Kind.WORKS)),
                does_not_work_total=Count("tips", filter=Q(tips__kind=Tip.Kind.DOES_NOT_WORK)),
            )
        )

    @admin.display(description=_("works"), ordering="works_total")
    def works_count(self, obj):
        return obj.works_total

    @admin.display(description=_("does not work"), ordering="does_not_work_total")
    def does_not_work_count(self, obj):
        return obj.does_not_work_total
