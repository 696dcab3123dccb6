"""Merging a save with a colleague's (README, Safe editing).

The change form carries the state the editor opened (the base, signed into its token). When the
save meets a newer state in the database, every field is compared three ways, the inline rows
(a guidance's tips) included:

- only the colleague changed it: their value is kept, without asking;
- only this editor changed it: theirs is taken;
- both changed it, to different values: the save is refused and the form shows both values side
  by side; the editor chooses per field (nothing is chosen for them) and saves again.

The token then keeps the base, so a form sent back as it came never drops the colleague's change:
their value is merged in again. A form without a valid token has no base: every field that
differs from the stored value needs a choice.

A row the colleague removed stays removed; when this editor had changed it, their version comes
back as a new row (nothing typed is lost). A row this editor removed that the colleague changed
needs a choice. Rows the colleague added are kept, and shown in the form that comes back.
"""

from dataclasses import dataclass, field

from django import forms
from django.core import signing
from django.http import QueryDict
from django.utils.translation import gettext as _

from editing.revisions import display_value, field_label, object_state, row_label

TOKEN_SALT = "editing.admin.edit-token"
TOKEN_FIELD = "edit_token"
CHOICE_PREFIX = "_merge_"
MINE, THEIRS = "mine", "theirs"
# A row's key for a removal, instead of a field name.
ROW = "__row__"


def sign_token(base, seen):
    """The token a form carries: the state it was opened on (base) and the last one it saw."""
    return signing.dumps({"base": base, "seen": seen}, salt=TOKEN_SALT, compress=True)


def read_token(token):
    """(base, seen) from a token; (None, None) when it is missing or was tampered with."""
    if not token:
        return None, None
    try:
        loaded = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None, None
    if isinstance(loaded, dict) and "object" in loaded:
        # A token signed before merges: the state the form was opened on.
        return loaded, loaded
    if isinstance(loaded, dict):
        return loaded.get("base"), loaded.get("seen")
    return None, None


@dataclass
class Conflict:
    """A field (or a row) both editors changed: it needs the editor's choice."""

    key: str
    label: str
    base: str
    theirs: str
    mine: str
    choice: str | None = None

    @property
    def input_name(self):
        return f"{CHOICE_PREFIX}{self.key}"


@dataclass
class Merge:
    data: object  # the posted data with the colleague's changes merged in (a QueryDict)
    now: dict  # the stored state the merge was made against
    base: dict | None
    taken: list = field(default_factory=list)  # labels of their changes kept without asking
    conflicts: list = field(default_factory=list)  # every conflict, chosen or not

    @property
    def unresolved(self):
        return [conflict for conflict in self.conflicts if conflict.choice is None]

    @property
    def met_a_newer_version(self):
        return self.base != self.now


@dataclass
class InlineRows:
    """What the merge needs of one inline: its prefix, form class, model and fields."""

    prefix: str
    form_class: type
    model: type
    fk_name: str
    names: list
    parent_pk: object = None
    order: list = field(default_factory=list)  # the pks of the stored rows, as the admin lists


def _unwrap(widget):
    while hasattr(widget, "widget"):
        widget = widget.widget
    return widget


def _python(model_field, stored):
    """A stored state value (editing.revisions) as the model field's Python value."""
    if model_field.many_to_many:
        return list(stored or [])
    if model_field.null and stored in ("", "None", None):
        return None
    return model_field.to_python(stored)


def _posted(form_field, data, key):
    return form_field.widget.value_from_datadict(data, {}, key)


def _differs(form_field, model_field, stored, data, key):
    """Whether the posted value of `key` differs from the stored value."""
    return form_field.has_changed(_python(model_field, stored), _posted(form_field, data, key))


def _shown(form_field, model_field, data, key):
    """The posted value of `key` as an editor reads it."""
    value = _posted(form_field, data, key)
    if isinstance(value, bool):
        value = str(value)
    try:
        if not model_field.many_to_many and not isinstance(value, list):
            value = form_field.to_python(value)
            if hasattr(value, "pk"):
                value = value.pk
            value = "" if value is None else str(value)
    except forms.ValidationError:
        pass
    return display_value(model_field, value)


def _put(form_field, model_field, stored, data, key):
    """Write a stored value into the posted data, the way the field's widget would send it."""
    value = _python(model_field, stored)
    widget = _unwrap(form_field.widget)
    if isinstance(widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
        else:
            data.pop(key, None)
    elif getattr(widget, "allow_multiple_selected", False):
        data.setlist(key, [str(pk) for pk in value or []])
    elif isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(form_field.prepare_value(value))
        for sub, part, suffix in zip(widget.widgets, parts, widget.widgets_names, strict=False):
            shown = sub.format_value(part)
            data[f"{key}{suffix}"] = "" if shown is None else str(shown)
    else:
        shown = widget.format_value(form_field.prepare_value(value))
        data[key] = "" if shown is None else str(shown)


class _Merger:
    def __init__(self, data, base, seen, now):
        self.data = data
        self.base = base
        self.seen = seen
        self.now = now
        self.taken = []
        self.conflicts = []

    def choice(self, key, seen_value, now_value):
        """The editor's choice for `key`, if it was made on what is stored now."""
        chosen = self.data.get(f"{CHOICE_PREFIX}{key}")
        if chosen not in (MINE, THEIRS) or seen_value != now_value:
            return None
        return chosen

    def fields(self, form_class, model, names, base, seen, now, prefix, key_prefix, row=None):
        for name in names:
            form_field = form_class.base_fields.get(name)
            if form_field is None or form_field.disabled:
                continue
            model_field = model._meta.get_field(name)
            key = f"{prefix}{name}"
            theirs = now.get(name)
            known = base is not None and name in base
            if known and base[name] == theirs:
                continue  # the colleague did not change it: this editor's value goes
            if not _differs(form_field, model_field, theirs, self.data, key):
                continue  # both the same
            label = field_label(model, model_field, row)
            if known and not _differs(form_field, model_field, base[name], self.data, key):
                _put(form_field, model_field, theirs, self.data, key)
                self.taken.append(label)
                continue
            conflict = Conflict(
                key=f"{key_prefix}{name}",
                label=label,
                base=display_value(model_field, base[name]) if known else "—",
                theirs=display_value(model_field, theirs),
                mine=_shown(form_field, model_field, self.data, key),
            )
            conflict.choice = self.choice(conflict.key, (seen or {}).get(name, object()), theirs)
            if conflict.choice == THEIRS:
                _put(form_field, model_field, theirs, self.data, key)
            self.conflicts.append(conflict)

    def rows(self, inline):
        label = inline.model._meta.label
        base_rows = self.base["rows"].get(label) if self.base else None
        seen_rows = (self.seen or {}).get("rows", {}).get(label, {})
        now_rows = self.now["rows"].get(label, {})
        prefix = inline.prefix
        try:
            initial = int(self.data.get(f"{prefix}-INITIAL_FORMS", 0))
            total = int(self.data.get(f"{prefix}-TOTAL_FORMS", 0))
        except ValueError:
            return  # a tampered management form: the formset reports it
        if not (0 <= initial <= total <= 1000):
            return
        pk_name = inline.model._meta.pk.name
        posted = {}  # pk: the index of its form
        kept_as_new = []  # indexes of rows the colleague removed and this editor changed
        for index in range(initial):
            form_prefix = f"{prefix}-{index}-"
            pk = self.data.get(f"{form_prefix}{pk_name}")
            if not pk or pk in posted:
                continue
            base = base_rows.get(pk) if base_rows is not None else None
            now = now_rows.get(pk)
            removed_by_me = bool(self.data.get(f"{form_prefix}DELETE"))
            if now is None:
                # The colleague removed it: it goes, unless this editor changed it.
                if not removed_by_me and self._row_changed_by_me(inline, form_prefix, base):
                    kept_as_new.append(index)
                    self.taken.append(
                        _("%(row)s was removed by them; your changed text is kept as a new row")
                        % {"row": row_label(inline.model, base or {})}
                    )
                elif base is not None and not removed_by_me:
                    self.taken.append(_("%(row)s removed") % {"row": row_label(inline.model, base)})
                continue
            posted[pk] = index
            if base is not None and base == now:
                continue
            key_prefix = f"{prefix}.{pk}."
            if removed_by_me:
                self._removed_by_me(inline, form_prefix, key_prefix, base, now, seen_rows, pk)
                continue
            self.fields(
                inline.form_class,
                inline.model,
                inline.names,
                base,
                seen_rows.get(pk),
                now,
                form_prefix,
                key_prefix,
                row=(inline.model, now),
            )
        self._renumber(inline, posted, kept_as_new, now_rows, initial, total)

    def _renumber(self, inline, posted, kept_as_new, now_rows, initial, total):
        """Lay the rows out as the admin shows them now: the stored rows in their order (the
        colleague's new ones included, as stored), then this editor's new rows.

        The admin pairs the n-th form with the n-th stored row; without this a row removed or
        added meanwhile would show one row's form next to another row's name."""
        prefix = inline.prefix
        pk_name = inline.model._meta.pk.name
        forms = {}
        for key in list(self.data.keys()):
            head, dash, rest = key.removeprefix(f"{prefix}-").partition("-")
            if key.startswith(f"{prefix}-") and dash and head.isdigit():
                forms.setdefault(int(head), {})[rest] = self.data.getlist(key)
                del self.data[key]
        laid_out = []
        for pk in inline.order:
            if pk in posted:
                laid_out.append(forms.get(posted[pk], {}))
            elif pk in now_rows:
                laid_out.append(self._stored_row(inline, pk, now_rows[pk]))
        initial_count = len(laid_out)
        for index in kept_as_new:
            laid_out.append(
                {
                    rest: values
                    for rest, values in forms.get(index, {}).items()
                    if rest not in (pk_name, "DELETE")
                }
            )
        laid_out.extend(forms.get(index, {}) for index in range(initial, total))
        for index, fields in enumerate(laid_out):
            for rest, values in fields.items():
                self.data.setlist(f"{prefix}-{index}-{rest}", values)
        self.data[f"{prefix}-INITIAL_FORMS"] = str(initial_count)
        self.data[f"{prefix}-TOTAL_FORMS"] = str(len(laid_out))

    def _stored_row(self, inline, pk, stored):
        """A row the colleague added, as its form would send it."""
        scratch = QueryDict(mutable=True)
        for name in inline.names:
            form_field = inline.form_class.base_fields.get(name)
            if form_field is not None:
                model_field = inline.model._meta.get_field(name)
                _put(form_field, model_field, stored.get(name), scratch, name)
        scratch[inline.model._meta.pk.name] = pk
        scratch[inline.fk_name] = str(inline.parent_pk)
        return {key: scratch.getlist(key) for key in scratch}

    def _row_changed_by_me(self, inline, form_prefix, base):
        if base is None:
            return True
        for name in inline.names:
            form_field = inline.form_class.base_fields.get(name)
            if form_field is None:
                continue
            model_field = inline.model._meta.get_field(name)
            if _differs(form_field, model_field, base.get(name), self.data, f"{form_prefix}{name}"):
                return True
        return False

    def _removed_by_me(self, inline, form_prefix, key_prefix, base, now, seen_rows, pk):
        name = row_label(inline.model, now)
        conflict = Conflict(
            key=f"{key_prefix}{ROW}",
            label=name,
            base=_("present"),
            theirs=_("changed"),
            mine=_("removed"),
        )
        conflict.choice = self.choice(conflict.key, seen_rows.get(pk), now)
        if conflict.choice == THEIRS:
            self.data.pop(f"{form_prefix}DELETE", None)
            for field_name in inline.names:
                form_field = inline.form_class.base_fields.get(field_name)
                if form_field is not None:
                    model_field = inline.model._meta.get_field(field_name)
                    _put(
                        form_field,
                        model_field,
                        now.get(field_name),
                        self.data,
                        f"{form_prefix}{field_name}",
                    )
        self.conflicts.append(conflict)


def merge_post(data, form_class, inlines, obj, state_fields, related):
    """Merge the posted change form `data` with what is stored for `obj` now.

    `inlines` are `InlineRows`; `state_fields` and `related` name what is compared (as in
    editing.revisions.object_state). Returns a `Merge` whose `data` is a new QueryDict.
    """
    data = data.copy()
    base, seen = read_token(data.get(TOKEN_FIELD))
    now = object_state(obj, state_fields, related)
    merger = _Merger(data, base, seen, now)
    if base != now:
        merger.fields(
            form_class,
            type(obj),
            state_fields,
            base["object"] if base else None,
            (seen or {}).get("object"),
            now["object"],
            "",
            "object.",
        )
        for inline in inlines:
            merger.rows(inline)
    merge = Merge(data, now, base, merger.taken, merger.conflicts)
    if merge.unresolved:
        # The form comes back: it keeps the base, and knows what it showed.
        data[TOKEN_FIELD] = sign_token(base, now)
    return merge
