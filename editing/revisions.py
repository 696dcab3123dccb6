"""The state of an item as an editor sees it, and a readable difference between two states.

Used by the admin's conflict check (what did the other editor change?) and by the history's
compare view (what changed between two revisions?). A state is plain JSON data:

    {"object": {field name: value}, "rows": {model label: {pk: {field name: value}}}}

where "rows" are the inline rows edited with the item (a guidance's tips, a question's answers).
"""

import difflib
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator


def _untranslated_originals(model):
    """Fields modeltranslation stands in for (title, when title_nl and title_en exist)."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def editable_field_names(model):
    """The fields of `model` an editor edits: no id, no timestamps, no translation originals."""
    originals = _untranslated_originals(model)
    return [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if not field.primary_key
        and field.editable
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and field.name not in originals
    ]


def _value(obj, field):
    if field.many_to_many:
        return sorted(str(pk) for pk in getattr(obj, field.name).values_list("pk", flat=True))
    return field.value_to_string(obj)


def row_state(obj, field_names):
    fields = [obj._meta.get_field(name) for name in field_names]
    return {field.name: _value(obj, field) for field in fields}


def object_state(obj, field_names, related=()):
    """The state of `obj` now: its `field_names`, and for each (model, fk name, field names) in
    `related` the rows that point to it."""
    rows = {}
    for model, fk_name, names in related:
        queryset = model._default_manager.filter(**{fk_name: obj.pk}).order_by("pk")
        rows[model._meta.label] = {str(row.pk): row_state(row, names) for row in queryset}
    return {"object": row_state(obj, field_names), "rows": rows}


def _version_fields(version, model, field_names):
    data = json.loads(version.serialized_data)[0]["fields"]
    state = {}
    for name in field_names:
        field = model._meta.get_field(name)
        value = data.get(name)
        if field.many_to_many:
            state[name] = sorted(str(pk) for pk in value or [])
        elif value is None:
            state[name] = ""
        elif isinstance(field, models.BooleanField):
            state[name] = str(value)
        else:
            # The serializer and value_to_string agree for text, numbers, dates and keys.
            state[name] = str(value)
    return state


def version_state(version, field_names, related=()):
    """The state an item had in one revision (a django-reversion Version), in the same shape."""
    model = version.content_type.model_class()
    rows = {}
    for related_model, fk_name, names in related:
        content_type = ContentType.objects.get_for_model(related_model)
        rows[related_model._meta.label] = {
            str(row.object_id): _version_fields(row, related_model, names)
            for row in version.revision.version_set.filter(content_type=content_type)
            if str(json.loads(row.serialized_data)[0]["fields"].get(fk_name))
            == str(version.object_id)
        }
    return {"object": _version_fields(version, model, field_names), "rows": rows}


# Showing values


def display_value(field, value):
    """A stored value as an editor reads it: labels for choices, names for linked items."""
    if value in ("", None, []):
        return "—"
    if field.many_to_many:
        objects = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in objects)) or "—"
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    if isinstance(field, models.BooleanField):
        return _("yes") if value in (True, "True", "true") else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


_WORDS = re.compile(r"(\s+)")


def word_diff(before, after):
    """Before and after as HTML: removed words in <del>, added words in <ins>, all escaped."""
    a, b = _WORDS.split(before), _WORDS.split(after)
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(escape(old))
            right.append(escape(new))
            continue
        if old:
            left.append(f"<del>{escape(old)}</del>")
        if new:
            right.append(f"<ins>{escape(new)}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # both escaped above


@dataclass
class Change:
    """One difference: a field of the item, or a row added, removed or changed."""

    label: str
    before: str
    after: str


def _language_name(code):
    return str(dict(settings.LANGUAGES).get(code, code))


def _first_text_field(model):
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not field.choices
            and not isinstance(field, TranslationField)
            and field.name != "slug"
        ):
            return field.name
    return None


def row_label(model, state):
    """An inline row as an editor names it: "Tip (dit werkt wel) 2"."""
    label = capfirst(str(model._meta.verbose_name))
    for field in model._meta.concrete_fields:
        if field.choices and field.name in state:
            shown = str(dict(field.flatchoices).get(state[field.name], state[field.name]))
            label += f" ({shown[:1].lower()}{shown[1:]})"
            break
    if state.get("position") not in (None, ""):
        label += f" {state['position']}"
    return label


def field_label(model, field, row=None):
    """A field as an editor reads it: "Introductie · Nederlands", "Tip (…) 2 · English".

    `row` is (model, state) for a field of an inline row: the row's name goes first, and its
    main text is named by its language alone.
    """
    if isinstance(field, TranslationField):
        original = capfirst(str(field.translated_field.verbose_name))
        language = _language_name(field.language)
        if row is not None and field.translated_field.name == _first_text_field(model):
            label = language
        else:
            label = f"{original} · {language}"
    else:
        label = capfirst(str(field.verbose_name))
    if row is not None:
        return f"{row_label(*row)} · {label}"
    return label


def _field_changes(model, before, after, row=None):
    changes = []
    for name in after.keys() | before.keys():
        if before.get(name) == after.get(name):
            continue
        field = model._meta.get_field(name)
        old = display_value(field, before.get(name))
        new = display_value(field, after.get(name))
        old_html, new_html = word_diff(old, new)
        changes.append((field, Change(field_label(model, field, row), old_html, new_html)))
    order = {field.name: i for i, field in enumerate(model._meta.get_fields())}
    return [change for field, change in sorted(changes, key=lambda item: order[item[0].name])]


def _row_name(model, fields):
    """A short name for an inline row: its first text, e.g. a tip's Dutch text."""
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if isinstance(field, (models.CharField, models.TextField)) and value:
            return value[:60]
    return str(model._meta.verbose_name)


def diff_states(model, before, after, related=()):
    """The changes from state `before` to state `after` of an item of `model`."""
    changes = _field_changes(model, before["object"], after["object"])
    for related_model, _fk, _names in related:
        label = related_model._meta.label
        old_rows = before["rows"].get(label, {})
        new_rows = after["rows"].get(label, {})
        for pk in sorted(old_rows.keys() | new_rows.keys(), key=int):
            old, new = old_rows.get(pk), new_rows.get(pk)
            if old == new:
                continue
            if old is None:
                label = _("%(row)s added") % {"row": row_label(related_model, new)}
                changes.append(Change(label, "—", escape(_row_name(related_model, new))))
            elif new is None:
                label = _("%(row)s removed") % {"row": row_label(related_model, old)}
                changes.append(Change(label, escape(_row_name(related_model, old)), "—"))
            else:
                changes.extend(_field_changes(related_model, old, new, (related_model, new)))
    return changes
