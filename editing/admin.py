"""The admin's editing machinery, shared by every content admin (README, Safe editing).

`SafeEditingMixin` goes first in an admin's bases, e.g.
`class GuidanceAdmin(SafeEditingMixin, TranslationAdmin)`. It adds:

- revisions (django-reversion): every save, also from the change list, is a revision with the
  editor, the time and an optional comment; the history lists them, compares two of them field by
  field, and restores any of them; deleted items can be recovered;
- no silent overwrites: the form carries the state the editor opened (signed); when someone else
  saved the item, or its inline rows, in the meantime, the save is refused with what they changed,
  and the editor's input stays in the form to merge; the same for list-editable rows;
- a warning before a slug change: old links will be redirected (editing.slugs), confirmed by a tick.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.forms.models import _get_foreign_key
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion import is_registered, register, set_comment
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import _get_options

from editing.revisions import (
    diff_states,
    editable_field_names,
    object_state,
    row_state,
    version_state,
)

TOKEN_SALT = "editing.admin.edit-token"
TOKEN_FIELD = "edit_token"
COMMENT_FIELD = "revision_comment"
CONFIRM_SLUG_FIELD = "confirm_slug_change"
EXTRA_FIELDS = (TOKEN_FIELD, COMMENT_FIELD, CONFIRM_SLUG_FIELD)


def keep_revisions(model, follow=()):
    """Make every save of `model` through the admin a revision (django-reversion).

    Called at the top of an app's admin.py, before its admin classes: by then modeltranslation
    has added the Dutch and English fields, so the revisions keep both languages. `follow`
    names the inline rows a revision keeps with the item (a guidance's tips).
    """
    if not is_registered(model):
        # ignore_duplicates: saving an item unchanged adds no version to its history.
        register(model, follow=follow, ignore_duplicates=True)


def _version_id(value):
    """A version id from the query string; 0 (no such version) for anything else."""
    return int(value) if value and value.isdigit() else 0


def _sign(state):
    return signing.dumps(state, salt=TOKEN_SALT, compress=True)


def _latest_revision(obj):
    version = (
        Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk").first()
    )
    return version.revision if version else None


class _ConflictCheckForm:
    """Mixed into an admin's model form (see SafeEditingMixin.get_form)."""

    conflict = None
    # Set by the admin: the fields compared and the inline rows that belong to the item.
    state_fields = ()
    state_related = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields[TOKEN_FIELD].initial = _sign(self.current_state(self.instance))

    def current_state(self, obj):
        return object_state(obj, self.state_fields, self.state_related)

    @property
    def changed_data(self):
        # The admin's change message lists changed fields: not the form's own plumbing.
        return [name for name in super().changed_data if name not in EXTRA_FIELDS]

    def clean(self):
        cleaned = super().clean()
        self._check_slug_change()
        self._check_conflict()
        return cleaned

    def _check_slug_change(self):
        if (
            self.instance.pk
            and "slug" in self.fields
            and "slug" in self.changed_data
            and not self.cleaned_data.get(CONFIRM_SLUG_FIELD)
        ):
            self.add_error(
                "slug",
                gettext(
                    "You are changing the address of this page. Links to the old address, in "
                    "Dutch and English, will be redirected to the new one. Tick “I know, change "
                    "the address” below and save again to go ahead."
                ),
            )

    def _check_conflict(self):
        token = self.data.get(self.add_prefix(TOKEN_FIELD))
        if not self.instance.pk or not token:
            return
        model = type(self.instance)
        current = model._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            # On PostgreSQL a second save waits here until the first is committed.
            current = current.select_for_update(of=("self",))
        obj = current.first()
        try:
            opened = signing.loads(token, salt=TOKEN_SALT)
        except signing.BadSignature:
            opened = None
        now = self.current_state(obj) if obj else None
        if opened == now:
            return
        self.conflict = {
            "changes": diff_states(model, opened, now, self.state_related)
            if opened and now
            else [],
            "revision": _latest_revision(obj) if obj else None,
        }
        self.add_error(
            None,
            gettext(
                "Someone else saved this item after you opened it. Nothing has been saved: your "
                "input is still in the form. Compare it with their changes shown above, merge "
                "them, and save again."
            ),
        )
        if obj:
            # The next save compares with what is stored now, so the merged form can be saved.
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN_FIELD)] = _sign(now)


class _RowConflictCheckForm:
    """Mixed into a change list's row form when fields are editable in the list."""

    @property
    def list_fields(self):
        """The fields editable in the list (the formset narrows the form to those)."""
        editable = set(editable_field_names(type(self.instance)))
        return [name for name in self.fields if name in editable]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields[TOKEN_FIELD].initial = _sign(row_state(self.instance, self.list_fields))

    def clean(self):
        cleaned = super().clean()
        token = self.data.get(self.add_prefix(TOKEN_FIELD))
        if not self.instance.pk or not token:
            return cleaned
        # The row form's instance was read from the database for this save, before the input.
        now = row_state(self.instance, self.list_fields)
        try:
            opened = signing.loads(token, salt=TOKEN_SALT)
        except signing.BadSignature:
            opened = None
        if opened != now:
            changes = diff_states(type(self.instance), {"object": opened or {}}, {"object": now})
            summary = "; ".join(
                f"{change.label}: {strip_tags(change.before)} → {strip_tags(change.after)}"
                for change in changes
            )
            self.add_error(
                self.list_fields[0],
                gettext(
                    "Someone else changed this row after you opened the list (%(changes)s). Your "
                    "input is kept: save again to overwrite it."
                )
                % {"changes": summary or "—"},
            )
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN_FIELD)] = _sign(now)
        return cleaned


class SafeEditingMixin(VersionAdmin):
    """Revisions, history with compare and restore, conflict checks and slug-change warnings."""

    change_form_template = "admin/safe_editing/change_form.html"
    change_list_template = "admin/safe_editing/change_list.html"
    object_history_template = "admin/safe_editing/object_history.html"
    compare_template = "admin/safe_editing/compare.html"
    history_latest_first = True

    # Form plumbing: the extra fields go in a fieldset of their own at the end.

    def _has_slug(self):
        return any(field.name == "slug" for field in self.model._meta.fields)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": self._without_extras(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        extra = [COMMENT_FIELD, TOKEN_FIELD]
        if obj is not None and self._has_slug():
            extra.insert(0, CONFIRM_SLUG_FIELD)
        return [*fieldsets, (_("Saving"), {"fields": extra})]

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
        if kwargs.get("fields") is None and "fields" in kwargs:
            base = super().get_form(request, obj, change=change, **kwargs)
        else:
            fields = kwargs.pop("fields", None) or flatten_fieldsets(
                self.get_fieldsets(request, obj)
            )
            kwargs["fields"] = [name for name in fields if name not in EXTRA_FIELDS]
            base = super().get_form(request, obj, change=change, **kwargs)
        model_fields = set(editable_field_names(self.model))
        attrs = {
            "state_fields": [name for name in base.base_fields if name in model_fields],
            "state_related": self._related_rows(request, obj),
            TOKEN_FIELD: forms.CharField(required=False, widget=forms.HiddenInput),
            COMMENT_FIELD: forms.CharField(
                label=_("What did you change? (optional)"),
                required=False,
                max_length=200,
                help_text=_("Shown in the item's history next to this save."),
            ),
        }
        if obj is not None and self._has_slug():
            attrs[CONFIRM_SLUG_FIELD] = forms.BooleanField(
                label=_("I know, change the address"),
                required=False,
                help_text=_(
                    "Only needed when you change the slug: old links will then redirect to "
                    "the new address."
                ),
            )
        return type(base.__name__, (_ConflictCheckForm, base), attrs)

    def _related_rows(self, request, obj):
        """(model, fk name, field names) for each inline that edits rows of this item."""
        related = []
        for inline in self.get_inline_instances(request, obj):
            if not inline.has_change_permission(request, obj):
                continue
            formset = inline.get_formset(request, obj)
            fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            names = [
                name
                for name in formset.form.base_fields
                if name in set(editable_field_names(inline.model)) and name != fk.name
            ]
            related.append((inline.model, fk.name, names))
        return related

    def get_changelist_form(self, request, **kwargs):
        base = super().get_changelist_form(request, **kwargs)
        if not self.list_editable:
            return base
        attrs = {TOKEN_FIELD: forms.CharField(required=False, widget=forms.HiddenInput)}
        return type(base.__name__, (_RowConflictCheckForm, base), attrs)

    # The editor's comment goes into the revision, before the list of changed fields.

    def save_model(self, request, obj, form, change):
        request._revision_comment = form.cleaned_data.get(COMMENT_FIELD, "")
        super().save_model(request, obj, form, change)

    def _comment(self, request, entry):
        typed = getattr(request, "_revision_comment", "")
        automatic = entry.get_change_message() if entry else ""
        if typed:
            set_comment(f"{typed} ({automatic})" if automatic else typed)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment(request, entry)
        return entry

    def log_change(self, request, obj, message):
        if not message:
            # Saved without a change: the history says nothing (and the revision, a duplicate of
            # the last one, is not kept: see keep_revisions).
            return None
        entry = super().log_change(request, obj, message)
        self._comment(request, entry)
        return entry

    # History: compare two revisions.

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def _followed_rows(self):
        """(model, fk name, field names) for each relation reversion keeps with the item."""
        related = []
        for name in _get_options(self.model).follow:
            relation = self.model._meta.get_field(name)
            if relation.one_to_many:
                model = relation.related_model
                related.append((model, relation.field.name, self._row_fields(model, relation)))
        return related

    @staticmethod
    def _row_fields(model, relation):
        return [name for name in editable_field_names(model) if name != relation.field.name]

    def compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=unquote(object_id))
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        second = get_object_or_404(versions, pk=_version_id(request.GET.get("to")))
        if request.GET.get("from"):
            first = get_object_or_404(versions, pk=_version_id(request.GET.get("from")))
        else:
            # Without a choice, compare with the version before (or itself, when it is the first).
            first = versions.filter(pk__lt=second.pk).order_by("-pk").first() or second
        older, newer = sorted([first, second], key=lambda version: version.pk)
        fields = editable_field_names(self.model)
        related = self._followed_rows()
        changes = diff_states(
            self.model,
            version_state(older, fields, related),
            version_state(newer, fields, related),
            related,
        )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(name)s") % {"name": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "older": older,
            "newer": newer,
            "changes": changes,
            "history_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]
            ),
            "restore_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, older.pk]
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        info = opts.app_label, opts.model_name
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-pk")
        )
        context = {
            "action_list": [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "url": reverse(
                        "admin:{}_{}_revision".format(*info),
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for version in versions
            ],
            "compare_url": reverse(
                "admin:{}_{}_compare".format(*info), args=[quote(unquote(object_id))]
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)


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


def _site_language_labels(forms):
    """{English label: label in the site's language} for every field of `forms`."""
    labels = {}
    for form in forms:
        for field in form.fields.values():
            if field.label is None:
                continue
            with translation.override(None):
                english = str(field.label)
            with translation.override(settings.LANGUAGE_CODE):
                labels.setdefault(english, str(field.label))
    return labels


class HistoryInSiteLanguageMixin:
    """Plain-language history: field labels in Dutch, and no entry when nothing changed.

    Django stores the labels of changed fields in English ('Published') and its history shows
    them untranslated next to Dutch words ('Published gewijzigd'). This stores them in the
    site's language ('Gepubliceerd gewijzigd'), which is the editors' language.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        forms = [form, *(inline for formset in formsets or [] for inline in formset.forms)]
        labels = _site_language_labels(forms)
        for entry in message:
            for action in entry.values():
                if action.get("fields"):
                    action["fields"] = [labels.get(name, name) for name in action["fields"]]
        return message

    def log_change(self, request, obj, message):
        if not message:
            # Saved without a change: nothing happened, so the history says nothing.
            return None
        return super().log_change(request, obj, message)


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
