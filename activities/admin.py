from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from activities.models import ActivityType, BindingRung, Guidance, Tip
from editing.admin import (
    ContentAdmin,
    ContentInlineMixin,
    NormalisedTextField,
    SafeEditingMixin,
    keep_revisions,
)
from phases.admin import PhaseAdmin
from phases.models import Phase

keep_revisions(BindingRung)
keep_revisions(ActivityType)
keep_revisions(Tip)
# A guidance's revision keeps its tips: restoring it restores them, in both languages.
keep_revisions(Guidance, follow=["tips"])


@admin.register(BindingRung)
class BindingRungAdmin(SafeEditingMixin, ContentAdmin):
    list_display = ["number", "name"]
    list_display_links = ["name"]


@admin.register(ActivityType)
class ActivityTypeAdmin(SafeEditingMixin, ContentAdmin):
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


# The phase form lists its activity types: this app extends the phases app's admin, which
# knows nothing of guidance (imports run from activities down to phases, never back).
admin.site.unregister(Phase)


@admin.register(Phase)
class PhaseWithGuidanceAdmin(PhaseAdmin):
    list_display = [*PhaseAdmin.list_display, "guidance_count"]
    inlines = [*PhaseAdmin.inlines, GuidanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(guidance_total=Count("guidances"))

    @admin.display(description=_("activity types"), ordering="guidance_total")
    def guidance_count(self, obj):
        return obj.guidance_total


class TipInline(ContentInlineMixin, TranslationStackedInline):
    """One block per tip, full width: its kind, the Dutch text above the English, the arrows.

    The text areas grow with their text (static/css/admin.css, `field-sizing: content`). The
    order is set one way, with the arrows; the position travels along as a hidden value, so a
    form saved without pressing an arrow keeps the order (and works without JavaScript).
    """

    model = Tip
    fields = ["kind", "text", "move", "position"]
    readonly_fields = ["move"]
    extra = 1
    classes = ["tip-inline"]
    formfield_overrides = {
        models.TextField: {
            "form_class": NormalisedTextField,
            "widget": AdminTextareaWidget(attrs={"rows": 4, "cols": 80}),
        },
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "position":
            kwargs["widget"] = forms.HiddenInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("move"))
    def move(self, obj):
        """Arrows that save the form and move the tip one place up or down (no JavaScript)."""
        if not obj or not obj.pk:
            return ""
        return format_html(
            '<span class="tip-move">'
            '<button type="submit" name="{name}" value="{pk}:up" aria-label="{up_label}">'
            "↑</button>"
            '<button type="submit" name="{name}" value="{pk}:down" aria-label="{down_label}">'
            "↓</button>"
            "</span>",
            name=MOVE_TIP,
            pk=obj.pk,
            up_label=_("Save and move this tip up"),
            down_label=_("Save and move this tip down"),
        )


MOVE_TIP = "_move_tip"


def move_tip(guidance, value):
    """Move one tip of `guidance` a place up or down among its tips; renumber them 1, 2, 3...

    `value` is "<tip id>:up" or "<tip id>:down" from the arrow that was pressed. Returns the
    moved tip, or None when the value names no tip of this guidance.
    """
    tip_id, _sep, direction = str(value).partition(":")
    tips = list(guidance.tips.order_by("position", "id"))
    index = next((i for i, tip in enumerate(tips) if str(tip.pk) == tip_id), None)
    if index is None or direction not in {"up", "down"}:
        return None
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(tips):
        tips[index], tips[other] = tips[other], tips[index]
    for position, tip in enumerate(tips, 1):
        if tip.position != position:
            tip.position = position
            tip.save(update_fields=["position"])
    return tips[other] if 0 <= other < len(tips) else tips[index]


@admin.register(Guidance)
class GuidanceAdmin(SafeEditingMixin, ContentAdmin):
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
    ordering = ["phase__position", "position"]
    inlines = [TipInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                works_total=Count("tips", filter=Q(tips__kind=Tip.Kind.WORKS)),
                does_not_work_total=Count("tips", filter=Q(tips__kind=Tip.Kind.DOES_NOT_WORK)),
            )
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Tip:
            # A new tip has no place of its own yet (its hidden position is 0): it goes last.
            new = [tip for tip in formset.new_objects if tip.position == 0]
            others = form.instance.tips.exclude(pk__in=[tip.pk for tip in new])
            last = max(others.values_list("position", flat=True), default=0)
            for offset, tip in enumerate(new, 1):
                tip.position = last + offset
                tip.save(update_fields=["position"])

    def response_change(self, request, obj):
        if MOVE_TIP in request.POST:
            # The form was saved as usual; now the arrow that was pressed moves its tip.
            moved = move_tip(obj, request.POST[MOVE_TIP])
            if moved is not None:
                self.message_user(request, _("The tip has moved; the changes are saved."))
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.display(description=_("works"), ordering="works_total")
    def works_count(self, obj):
        return obj.works_total

    @admin.display(description=_("does not work"), ordering="does_not_work_total")
    def does_not_work_count(self, obj):
        return obj.does_not_work_total
