from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.admin import GuidanceAdmin
from activities.models import Guidance
from core.text import domain
from editing.admin import ContentAdmin, SafeEditingMixin, keep_revisions
from examples import moderation
from examples.forms import EXAMPLE_FIELDS, SubmissionForm
from examples.models import DividingLine, ExampleSubmission, PracticeExample, Setting
from gemeenten.editors import LocalLayerAdminMixin

APPROVE = "_approve"
REJECT = "_reject"

keep_revisions(PracticeExample)
keep_revisions(DividingLine)
keep_revisions(Setting)


@admin.register(PracticeExample)
class PracticeExampleAdmin(LocalLayerAdminMixin, SafeEditingMixin, ContentAdmin):
    list_display = [
        "name",
        "organisation",
        "place",
        "gemeente",
        "origin",
        "website_link",
        "checked_on",
        "is_published",
    ]
    list_filter = [
        "is_published",
        ("gemeente", admin.RelatedOnlyFieldListFilter),
        "origin",
        "is_running",
        "guidances__phase",
        "guidances__activity_type",
        "dividing_lines",
        "settings",
    ]
    search_fields = ["name", "organisation", "place", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["guidances"]
    filter_horizontal = ["dividing_lines", "settings"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "is_published"]}),
        (
            _("Where and who"),
            {
                "fields": [
                    "gemeente",
                    "organisation",
                    "place",
                    "province",
                    "year",
                    "dividing_lines",
                    "settings",
                ]
            },
        ),
        (
            _("How to reach it, and whether it still runs"),
            {
                "fields": [
                    "website",
                    "contact_url",
                    "website_host",
                    "contact_host",
                    "source_url",
                    "is_running",
                    "checked_on",
                ]
            },
        ),
        (_("Experience"), {"fields": ["what_worked", "what_did_not_work"]}),
        (_("Guidance it illustrates"), {"fields": ["guidances"]}),
        (_("Origin"), {"fields": ["origin", "shared_on", "written_in"]}),
    ]

    readonly_fields = ["website_host", "contact_host"]

    @admin.display(description=_("website"))
    def website_link(self, obj):
        return obj.website_domain

    @admin.display(description=_("website's domain, as readers see it"))
    def website_host(self, obj):
        """Punycode for a host in other letters, as on the site (core.text.web_link)."""
        return (obj and obj.website_domain) or "-"

    @admin.display(description=_("contact page's domain, as readers see it"))
    def contact_host(self, obj):
        return (obj and obj.contact_domain) or "-"


class _NamedChoiceAdmin(SafeEditingMixin, ContentAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(DividingLine)
class DividingLineAdmin(_NamedChoiceAdmin):
    pass


@admin.register(Setting)
class SettingAdmin(_NamedChoiceAdmin):
    pass


class SubmissionAdminForm(forms.ModelForm):
    class Meta:
        model = ExampleSubmission
        # What the sharer filled in, and the editor's reason when rejecting.
        fields = [*SubmissionForm.Meta.fields, "rejection_reason"]

    def clean(self):
        cleaned = super().clean()
        if REJECT in self.data and not (cleaned.get("rejection_reason") or "").strip():
            self.add_error("rejection_reason", _("Give the reason for rejecting."))
        return cleaned


@admin.register(ExampleSubmission)
class ExampleSubmissionAdmin(LocalLayerAdminMixin, admin.ModelAdmin):
    """Shared examples: edit what was sent in, then approve (publish) or reject with a reason."""

    form = SubmissionAdminForm
    list_display = ["name", "place", "gemeente", "submitted_at", "status", "published_example"]
    list_filter = [
        "status",
        ("gemeente", admin.RelatedOnlyFieldListFilter),
        "phases",
        "activity_types",
    ]
    search_fields = ["name", "place", "organisation", "description"]
    date_hierarchy = "submitted_at"
    readonly_fields = [
        "status",
        "submitted_at",
        "decided_at",
        "language",
        "published_example",
        "website_host",
        "gemeente",
    ]
    filter_horizontal = ["phases", "activity_types", "dividing_lines"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "status",
                    "gemeente",
                    "submitted_at",
                    "decided_at",
                    "published_example",
                ]
            },
        ),
        (
            _("The example"),
            {"fields": [*EXAMPLE_FIELDS, "website_host", "language"]},
        ),
        (_("For editors only"), {"fields": ["email", "rejection_reason"]}),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("website's domain, as readers see it"))
    def website_host(self, obj):
        """The host in the form the site shows it: a look-alike in other letters (apple.com with
        a Cyrillic first letter) shows as punycode ("xn--pple-43d.com")."""
        return domain(obj.website) if obj and obj.website else "-"

    @admin.display(description=_("published example"))
    def published_example(self, obj):
        if not obj.example_id:
            return "-"
        return format_html('<a href="{}">{}</a>', obj.example.get_absolute_url(), obj.example.name)

    def response_change(self, request, obj):
        undecided = obj.status == ExampleSubmission.Status.NEW
        if undecided and APPROVE in request.POST:
            example = moderation.approve(obj)
            self.message_user(
                request,
                _("Published as “%(name)s”.") % {"name": example.name},
                messages.SUCCESS,
            )
            if moderation.missing_english(example):
                url = reverse("admin:examples_practiceexample_change", args=[example.pk])
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _(
                            "There is no English text yet: the English site shows the Dutch "
                            "text, marked as Dutch."
                        ),
                        url,
                        _("Add the English text"),
                    ),
                    messages.WARNING,
                )
        elif undecided and REJECT in request.POST:
            moderation.reject(obj, obj.rejection_reason)
            self.message_user(request, _("Rejected; the submission is kept."), messages.WARNING)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_decide"] = bool(obj and obj.status == ExampleSubmission.Status.NEW)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


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
