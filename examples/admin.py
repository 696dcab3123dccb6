from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from activities.admin import GuidanceAdmin
from activities.models import Guidance
from core.admin import ContentAdmin
from examples.models import PracticeExample


@admin.register(PracticeExample)
class PracticeExampleAdmin(ContentAdmin):
    list_display = ["name", "organisation", "place", "website_link", "is_published"]
    list_filter = ["is_published", "guidances__phase", "guidances__activity_type"]
    search_fields = ["name", "organisation", "place", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["guidances"]

    @admin.display(description=_("website"))
    def website_link(self, obj):
        return obj.website_domain


class ExampleInline(admin.TabularInline):
    model = PracticeExample.guidances.through
    autocomplete_fields = ["practiceexample"]
    extra = 1
    verbose_name = _("practice example")
    verbose_name_plural = _("practice examples")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The link table's own column name is 'practiceexample'; editors read a plain label.
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "practiceexample":
            field.label = _("practice example")
        return field


# The guidance form lists the examples that illustrate it: this app extends the activities
# app's admin, which knows nothing of examples (imports run from examples down, never back).
admin.site.unregister(Guidance)


@admin.register(Guidance)
class GuidanceWithExamplesAdmin(GuidanceAdmin):
    inlines = [*GuidanceAdmin.inlines, ExampleInline]
