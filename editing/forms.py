"""The safe-editing fields and checks of an admin form (README, Safe editing).

`SafeEditingForm` is the form of every `SafeEditingMixin` admin (its `form`). It adds three fields
to the item's own: the state the editor opened (signed, hidden), an optional comment for the
history, and a tick that confirms a slug change. When the form is saved it refuses

- a save over someone else's: the item, or its inline rows, changed after the editor opened it.
  The admin merges the two first (editing.merge): the colleague's changes to fields this editor
  did not touch are kept; a field both changed needs the editor's choice; a form without its
  token counts as a conflict;
- a slug change that was not confirmed: old links will be redirected (editing.slugs).

`RowConflictCheckForm` does the same conflict check for a row edited in the change list.
"""

from dataclasses import dataclass

from django import forms
from django.core import signing
from django.db import router, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from editing.merge import TOKEN_FIELD, TOKEN_SALT, Merge, sign_token
from editing.revisions import diff_states, editable_field_names, object_state, row_state

COMMENT_FIELD = "revision_comment"
CONFIRM_SLUG_FIELD = "confirm_slug_change"
EXTRA_FIELDS = (TOKEN_FIELD, COMMENT_FIELD, CONFIRM_SLUG_FIELD)


def sign_state(state):
    return signing.dumps(state, salt=TOKEN_SALT, compress=True)


def opened_state(token):
    """The state signed into a list row's `token`, or None when it was tampered with."""
    try:
        return signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None


def latest_revision(obj):
    version = (
        Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk").first()
    )
    return version.revision if version else None


@dataclass
class ConflictReport:
    """What the change form shows when a save is refused (templates/admin/safe_editing)."""

    merge: Merge
    changes: list
    revision: object

    @property
    def conflicts(self):
        return self.merge.conflicts

    @property
    def taken(self):
        return self.merge.taken


class SafeEditingForm(forms.ModelForm):
    """An item's admin form with the conflict check, the slug confirmation and the comment."""

    edit_token = forms.CharField(required=False, widget=forms.HiddenInput)
    revision_comment = forms.CharField(
        label=_("What did you change? (optional)"),
        required=False,
        max_length=200,
        help_text=_("Shown in the item's history next to this save."),
    )
    confirm_slug_change = forms.BooleanField(
        label=_("I know, change the address"),
        required=False,
        help_text=_(
            "Only needed when you change the slug: old links will then redirect to the new address."
        ),
    )

    # Set by the admin for each request (SafeEditingMixin.get_form): the inline rows the editor
    # may change, as (model, fk name, field names), and whether the form asks to confirm a slug
    # change (only an existing item's slug can change).
    state_related = ()
    asks_slug_confirmation = False
    # The merge of this save with what is stored now (editing.merge), set by the admin.
    merge = None
    # What someone else changed, when the save was refused (shown by the change form).
    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.asks_slug_confirmation:
            del self.fields[CONFIRM_SLUG_FIELD]
        # The fields compared: the item's own fields in this form.
        editable = set(editable_field_names(type(self.instance)))
        self.state_fields = [name for name in self.base_fields if name in editable]
        if self.instance.pk and not self.is_bound:
            state = self.current_state(self.instance)
            self.fields[TOKEN_FIELD].initial = sign_token(state, state)

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
        """Refuse the save while a field both editors changed has no choice (editing.merge)."""
        if not self.instance.pk:
            return
        merge = self.merge
        if merge is None:
            # Only the admin's change view merges; a form posted any other way is not saved.
            self.add_error(None, gettext("This form cannot be saved here."))
            return
        model = type(self.instance)
        current = model._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            # On PostgreSQL a second save waits here until the first is committed.
            current = current.select_for_update(of=("self",))
        obj = current.first()
        now = self.current_state(obj) if obj else None
        if not merge.unresolved and now == merge.now:
            return
        self.conflict = ConflictReport(
            merge=merge,
            changes=diff_states(model, merge.base, now, self.state_related)
            if merge.base and now
            else [],
            revision=latest_revision(obj) if obj else None,
        )
        if now != merge.now:
            # Saved again while this save was on its way: merge once more on the next save.
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN_FIELD)] = sign_token(merge.base, now)
            self.add_error(
                None,
                gettext(
                    "Someone else saved this item a moment ago. Nothing has been saved: check "
                    "the form and save again."
                ),
            )
            return
        self.add_error(
            None,
            gettext(
                "Someone else saved this item after you opened it. Their changes to fields you "
                "did not touch are taken into the form. Nothing has been saved yet: for each "
                "field you both changed, choose which version to keep, and save again."
            ),
        )


class RowConflictCheckForm(forms.ModelForm):
    """A change list's row form when fields are editable in the list (its conflict check)."""

    edit_token = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def list_fields(self):
        """The fields editable in the list (the formset narrows the form to those)."""
        editable = set(editable_field_names(type(self.instance)))
        return [name for name in self.fields if name in editable]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            state = row_state(self.instance, self.list_fields)
            self.fields[TOKEN_FIELD].initial = sign_state(state)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        token = self.data.get(self.add_prefix(TOKEN_FIELD))
        # The row form's instance was read from the database for this save, before the input.
        now = row_state(self.instance, self.list_fields)
        # Without a token nobody knows what the editor saw: that counts as a conflict.
        opened = opened_state(token) if token else None
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
            self.data[self.add_prefix(TOKEN_FIELD)] = sign_state(now)
        return cleaned


class ScheduleForm(forms.Form):
    """When a draft change is published (editing.drafts): a moment in the future."""

    publish_at = forms.DateTimeField(
        label=_("Publish on"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value <= timezone.now():
            raise forms.ValidationError(
                gettext("Choose a moment in the future, or publish the draft change now.")
            )
        return value
