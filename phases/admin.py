from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from phases.models import Phase

keep_revisions(Phase)


@admin.register(Phase)
class PhaseAdmin(SafeEditingMixin, ContentAdmin):
    """The four phases. The activities app adds the phase's activity types to this form."""

    list_display = ["title", "position", "colour", "slug"]
    list_display_links = ["title"]
    search_fields = ["title", "headline", "current_quote", "desired_quote"]
    prepopulated_fields = {"slug": ["title"]}
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
