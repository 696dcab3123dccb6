"""The admin's editing machinery, shared by every content admin (README, Safe editing).

`SafeEditingMixin` goes first in an admin's bases, in front of `ContentAdmin`, e.g.
`class GuidanceAdmin(SafeEditingMixin, ContentAdmin)`. It adds:

- revisions (django-reversion): every save, also from the change list, is a revision with the
  editor, the time and an optional comment; the history lists them, compares two of them field by
  field, and restores any of them; deleted items can be recovered (editing.history);
- no silent overwrites: the form carries the state the editor opened (signed); when someone else
  saved the item, or its inline rows, in the meantime, the save is refused with what they changed,
  and the editor's input stays in the form to merge; the same for list-editable rows
  (editing.forms);
- a warning before a slug change: old links will be redirected (editing.slugs), confirmed by a tick.

`ContentAdmin` is the base class of every content admin: the layout and a truthful history.
An app registers its models' revisions with `keep_revisions` at the top of its admin.py.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core import checks
from django.db import models, router, transaction
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modeltranslation.admin import TranslationAdmin

from editing import drafts
from editing.forms import (
    COMMENT_FIELD,
    CONFIRM_SLUG_FIELD,
    EXTRA_FIELDS,
    RowConflictCheckForm,
    SafeEditingForm,
    ScheduleForm,
)
from editing.history import HistoryInSiteLanguageMixin, RevisionHistoryMixin, keep_revisions
from editing.merge import InlineRows, merge_post
from editing.revisions import editable_field_names

SAVE_DRAFT = "_save_draft"

__all__ = [
    "ContentAdmin",
    "ContentInlineMixin",
    "NormalisedTextField",
    "SafeEditingMixin",
    "keep_revisions",
]


class SafeEditingMixin(RevisionHistoryMixin):
    """Revisions, history with compare and restore, conflict checks and slug-change warnings.

    Its form is `SafeEditingForm`; an admin that needs a form of its own derives it from that.
    """

    form = SafeEditingForm
    change_form_template = "admin/safe_editing/change_form.html"
    change_list_template = "admin/safe_editing/change_list.html"

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not issubclass(self.form, SafeEditingForm):
            errors.append(
                checks.Error(
                    f"The form of {type(self).__name__} does not derive from "
                    "editing.forms.SafeEditingForm, so its saves are not checked.",
                    obj=type(self),
                    id="editing.E001",
                )
            )
        return errors

    # Form plumbing: the slug confirmation goes in a fieldset of its own at the end.

    def _asks_slug_confirmation(self, obj):
        """Only an existing item's slug can change (a new item has no old links)."""
        return obj is not None and any(field.name == "slug" for field in self.model._meta.fields)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": self._without_extras(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        # The comment and the token go beside the save buttons (change_form.html).
        if self._asks_slug_confirmation(obj):
            return [*fieldsets, (_("Saving"), {"fields": [CONFIRM_SLUG_FIELD]})]
        return fieldsets

    @staticmethod
    def _without_extras(fields):
        kept = []
        for field in fields:
            if isinstance(field, (list, tuple)):
                field = type(field)(name for name in field if name not in EXTRA_FIELDS)
                if field:
                    kept.append(field)
            elif field not in EXTRA_FIELDS:
                kept.append(field)
        return kept

    def get_form(self, request, obj=None, change=False, **kwargs):
        # fields=None asks for every field (modeltranslation does, to build the fieldsets).
        if not ("fields" in kwargs and kwargs["fields"] is None):
            fields = kwargs.pop("fields", None) or flatten_fieldsets(
                self.get_fieldsets(request, obj)
            )
            kwargs["fields"] = [name for name in fields if name not in EXTRA_FIELDS]
        form = super().get_form(request, obj, change=change, **kwargs)
        related = [
            (rows.model, rows.fk_name, rows.names) for rows in self._inline_rows(request, obj)
        ]
        confirm_slug = self._asks_slug_confirmation(obj)
        this_merge = getattr(request, "_edit_merge", None)

        class ItemForm(form):
            """This request's form: the rows it compares depend on the editor's permissions."""

            state_related = related
            asks_slug_confirmation = confirm_slug
            merge = this_merge

        return ItemForm

    def _inline_rows(self, request, obj):
        """An `InlineRows` for each inline that edits rows of this item (prefixes as Django's)."""
        inlines = []
        prefixes = {}
        for formset_class, inline in self.get_formsets_with_inlines(request, obj):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = f"{prefix}-{prefixes[prefix]}"
            if not inline.has_change_permission(request, obj):
                continue
            fk_name = formset_class.fk.name
            editable = set(editable_field_names(inline.model))
            names = [
                name
                for name in formset_class.form.base_fields
                if name in editable and name != fk_name
            ]
            order = []
            if obj is not None:
                rows = inline.get_queryset(request).filter(**{fk_name: obj.pk})
                order = [str(pk) for pk in rows.values_list("pk", flat=True)]
            inlines.append(
                InlineRows(
                    prefix, formset_class.form, inline.model, fk_name, names, obj and obj.pk, order
                )
            )
        return inlines

    # Merging with a colleague's save (editing.merge).

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._merged_changeform_view(request, object_id, form_url, extra_context)

    def _merged_changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and "_saveasnew" not in request.POST:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                form_class = self.get_form(request, obj, change=True)
                probe = form_class(instance=obj)
                request._edit_merge = merge_post(
                    request.POST,
                    form_class,
                    self._inline_rows(request, obj),
                    obj,
                    probe.state_fields,
                    probe.state_related,
                )
                request.POST = request._edit_merge.data
        return super().changeform_view(request, object_id, form_url, extra_context)

    # Draft changes (editing.drafts): the save runs as usual, then is rolled back and kept.

    def _save_draft(self, request, obj, object_id, form_url, extra_context):
        """Run the change view's save, roll it back and keep what it would have stored.

        Outside django-reversion's revision (which wraps change_view), so no version is kept.
        """
        request._draft_rows = drafts.row_pks(obj)
        base_state = drafts.item_state(obj)
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return super().change_view(request, object_id, form_url, extra_context)
        except drafts.DraftSaved as saved:
            comment = request.POST.get(COMMENT_FIELD, "")
            drafts.keep_draft(obj, saved.serialized, request.user, comment, base_state, saved.state)
        self.message_user(
            request,
            _(
                "Saved as a draft change: the site still shows the published version. Preview "
                "it, and publish it when it is ready."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    def response_change(self, request, obj):
        if hasattr(request, "_draft_rows") and SAVE_DRAFT in request.POST:
            raise drafts.DraftSaved(
                drafts.serialize_item(obj, request._draft_rows), drafts.item_state(obj)
            )
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if obj is not None and request.resolver_match.url_name.endswith("_change"):
            context["draft_change"] = draft = drafts.draft_of(obj)
            context["draft_conflicts"] = drafts.conflicts(draft, obj) if draft else []
            context["draft_has_page"] = drafts.page_of(obj) is not None
            context["offers_draft"] = True
            if (
                request.method == "POST"
                and SAVE_DRAFT in request.POST
                and self.has_change_permission(request, obj)
            ):
                return self._save_draft(request, obj, object_id, form_url, context)
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/draft/preview/",
                self.admin_site.admin_view(self.draft_preview_view),
                name="{}_{}_draft_preview".format(*info),
            ),
            path(
                "<path:object_id>/draft/",
                self.admin_site.admin_view(self.draft_view),
                name="{}_{}_draft".format(*info),
            ),
            *super().get_urls(),
        ]

    def _draft_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not request.user.is_staff or not self.has_change_permission(request, obj):
            raise Http404
        draft = drafts.draft_of(obj)
        if draft is None:
            raise Http404
        return obj, draft

    def draft_preview_view(self, request, object_id):
        """The public page with the draft applied, for editors who may change the item."""
        _obj, draft = self._draft_or_404(request, object_id)
        response = drafts.render_preview(request, draft)
        if response is None:
            raise Http404
        return response

    def draft_view(self, request, object_id):
        """Publish the draft now or at a time, cancel the time, or discard the draft (POST)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj, draft = self._draft_or_404(request, object_id)
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        action = request.POST.get("action")
        if action in ("publish", "publish_over"):
            try:
                drafts.publish(draft, request.user, strict=action == "publish")
            except drafts.DraftConflict as conflict:
                self.message_user(
                    request,
                    _(
                        "Not published: since the draft change was made, the published version "
                        "changed in %(fields)s."
                    )
                    % {"fields": "; ".join(conflict.labels)},
                    messages.ERROR,
                )
                return HttpResponseRedirect(change_url)
            self.message_user(request, _("The draft change is published."), messages.SUCCESS)
        elif action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("publish_at", []):
                    self.message_user(request, error, messages.ERROR)
                return HttpResponseRedirect(change_url)
            draft.publish_at = form.cleaned_data["publish_at"]
            draft.scheduled_by = request.user
            draft.save(update_fields=["publish_at", "scheduled_by"])
            self.message_user(
                request,
                _("The draft change will be published on %(when)s.")
                % {"when": date_format(localtime(draft.publish_at), "j F Y H:i")},
                messages.SUCCESS,
            )
        elif action == "unschedule":
            draft.publish_at = None
            draft.scheduled_by = None
            draft.save(update_fields=["publish_at", "scheduled_by"])
            self.message_user(request, _("The draft change is no longer scheduled."))
        elif action == "discard":
            draft.delete()
            self.message_user(request, _("The draft change is discarded."), messages.SUCCESS)
        else:
            return HttpResponseBadRequest()
        return HttpResponseRedirect(change_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        merge = getattr(request, "_edit_merge", None)
        if merge is not None and merge.taken:
            self.message_user(
                request,
                _(
                    "Someone else saved this item while you were editing. Kept from their "
                    "save: %(fields)s."
                )
                % {"fields": "; ".join(merge.taken)},
                messages.INFO,
            )

    def get_changelist_form(self, request, **kwargs):
        if self.list_editable:
            return super().get_changelist_form(request, form=RowConflictCheckForm, **kwargs)
        return super().get_changelist_form(request, **kwargs)


# Layout and truthful history, shared by every content admin: `ContentAdmin` is the base class
# and `SafeEditingMixin` goes in front of it:
# `class GuidanceAdmin(SafeEditingMixin, ContentAdmin)`.


class NormalisedTextField(forms.CharField):
    """A text area's value with the browser's CRLF line endings turned into plain newlines.

    Browsers send every line break in a text area as CRLF; the stored text (and the seed) uses
    LF. Without this, saving an unchanged form would count every multi-line text as changed.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value


TEXT_FIELD_OVERRIDES = {models.TextField: {"form_class": NormalisedTextField}}


class ContentAdmin(HistoryInSiteLanguageMixin, TranslationAdmin):
    """The base of every content admin: Dutch and English fields side by side (static CSS, no
    JavaScript), line endings normalised, truthful history."""

    formfield_overrides = TEXT_FIELD_OVERRIDES

    class Media:
        css = {"all": ["css/admin.css"]}


class ContentInlineMixin:
    """For inlines: the same line-ending normalisation."""

    formfield_overrides = TEXT_FIELD_OVERRIDES


# Django 6.1's admin shows this in an empty select, and its own Dutch catalogue has no
# translation for it yet: ours does, and this line keeps it there through `make messages`.
gettext_noop("- Select an option -")
