"""Draft changes to published content (README, Safe editing).

An editor saves a change "as a draft change" instead of publishing it: the admin runs its usual
save, and this module keeps what that save would have stored (the item and the rows it keeps
with it, serialized the way django-reversion serializes a version), then the save is rolled
back. The public site, open data and exports read only the content tables, so they stay as they
were. Editors preview the page as it will be (the draft applied inside a transaction that is
rolled back), and publish it now or at a chosen time (`manage.py publish_scheduled`).
Publishing saves the draft as an ordinary admin save would: a revision in the history, the
content version bumped, an old slug kept.
"""

import json
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext as _
from reversion import add_to_revision, create_revision, set_comment, set_user

from editing.history import followed_rows
from editing.models import DraftChange
from editing.revisions import editable_field_names, field_label, object_state, row_label

FORMAT = "json"  # django-reversion's default format


class DraftSaved(Exception):
    """Raised inside the admin's save to roll it back, carrying what it would have stored."""

    def __init__(self, serialized, state):
        super().__init__("draft saved")
        self.serialized = serialized
        self.state = state


class DraftConflict(Exception):
    """The published version changed, since the draft was made, in fields the draft changes."""

    def __init__(self, labels):
        super().__init__("; ".join(labels))
        self.labels = labels


class _RollBack(Exception):
    def __init__(self, result):
        super().__init__("rolled back")
        self.result = result


def item_state(obj):
    """What the draft compares: the item's fields and its rows' (editing.revisions)."""
    model = type(obj)
    return object_state(obj, editable_field_names(model), followed_rows(model))


def row_pks(obj):
    """{model label: pks} of the rows `obj` keeps with it, as stored now."""
    return {
        model._meta.label: {
            str(pk)
            for pk in model._default_manager.filter(**{fk: obj.pk}).values_list("pk", flat=True)
        }
        for model, fk, _names in followed_rows(type(obj))
    }


def serialize_item(obj, stored_rows):
    """The item and its rows as django-reversion would serialize them.

    A row added in this save gets no primary key: it is a new row when the draft is published.
    """
    objects = [obj]
    for model, fk, _names in followed_rows(type(obj)):
        objects.extend(model._default_manager.filter(**{fk: obj.pk}).order_by("pk"))
    data = serializers.serialize(FORMAT, objects)
    entries = json.loads(data)
    for entry in entries[1:]:
        if str(entry["pk"]) not in stored_rows.get(_label(entry["model"]), set()):
            entry["pk"] = None
    return json.dumps(entries)


def _label(model_label_lower):
    app_label, model_name = model_label_lower.split(".")
    return ContentType.objects.get_by_natural_key(app_label, model_name).model_class()._meta.label


def keep_draft(obj, serialized, user, comment="", base_state=None, draft_state=None):
    """Store (or replace) the draft change of `obj`."""
    draft, _created = DraftChange.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        defaults={
            "object_repr": str(obj)[:200],
            "serialized_data": serialized,
            "base_state": base_state or {},
            "draft_state": draft_state or {},
            "author": user if user and user.is_authenticated else None,
            "comment": comment[:200],
            "publish_at": None,
            "scheduled_by": None,
        },
    )
    return draft


def draft_of(obj):
    return DraftChange.objects.for_object(obj).select_related("author", "scheduled_by").first()


def _changed(before, after):
    return [name for name, value in after.items() if before.get(name) != value]


def conflicts(draft, obj=None):
    """Labels of the fields the draft changes that were also changed in the published version
    since the draft was made (to another value). Empty when publishing keeps everyone's work."""
    model = draft.content_type.model_class()
    obj = obj or model._default_manager.filter(pk=draft.object_id).first()
    base, mine = draft.base_state, draft.draft_state
    if obj is None or not base or not mine:
        return []
    live = item_state(obj)
    labels = []
    for name in _changed(base["object"], mine["object"]):
        if live["object"].get(name) not in (base["object"].get(name), mine["object"][name]):
            labels.append(field_label(model, model._meta.get_field(name)))
    for row_model, _fk, _names in followed_rows(model):
        label = row_model._meta.label
        base_rows = base["rows"].get(label, {})
        mine_rows = mine["rows"].get(label, {})
        live_rows = live["rows"].get(label, {})
        for pk, before in base_rows.items():
            now = live_rows.get(pk)
            if pk not in mine_rows:
                if now is not None and now != before:
                    labels.append(row_label(row_model, now))
                continue
            for name in _changed(before, mine_rows[pk]):
                if now is None or now.get(name) not in (before.get(name), mine_rows[pk][name]):
                    row = (row_model, now or before)
                    labels.append(field_label(row_model, row_model._meta.get_field(name), row))
    return labels


def _apply(draft, strict=True):
    """Store what the draft changes in the content tables (in the caller's transaction).

    Only what the draft changed is written: a field or row changed in the published version
    since the draft was made keeps that change. Where both changed the same field, `strict`
    refuses (DraftConflict); otherwise the draft's value goes. Returns the item, or None.
    """
    model = draft.content_type.model_class()
    obj = model._default_manager.filter(pk=draft.object_id).first()
    if obj is None:
        return None
    clashes = conflicts(draft, obj)
    if strict and clashes:
        raise DraftConflict(clashes)
    deserialized = list(
        serializers.deserialize(FORMAT, draft.serialized_data, ignorenonexistent=True)
    )
    item, rows = deserialized[0], deserialized[1:]
    base, mine = draft.base_state, draft.draft_state
    if not base or not mine:
        base = {"object": {}, "rows": {}}
        mine = {"object": {name: None for name in editable_field_names(model)}, "rows": {}}
    m2m = item.m2m_data or {}
    for name in _changed(base["object"], mine["object"]):
        field = model._meta.get_field(name)
        if field.many_to_many:
            getattr(obj, name).set(m2m.get(name, []))
        else:
            setattr(obj, field.attname, getattr(item.object, field.attname))
    # Ordinary saves (not raw ones): the content version moves on and an old slug is kept.
    obj.save()
    for row_model, fk, _names in followed_rows(model):
        label = row_model._meta.label
        base_rows = base["rows"].get(label)
        mine_rows = mine["rows"].get(label, {})
        fk_attname = row_model._meta.get_field(fk).attname
        mine_pks = set()
        for row in rows:
            if type(row.object) is not row_model:
                continue
            if row.object.pk is None or base_rows is None:
                # A row the draft adds (or a draft without states: every row as it has it).
                setattr(row.object, fk_attname, obj.pk)
                row.object.save()
                continue
            pk = str(row.object.pk)
            mine_pks.add(pk)
            stored = row_model._default_manager.filter(pk=row.object.pk).first()
            changed = _changed(base_rows.get(pk, {}), mine_rows.get(pk, {}))
            if stored is None:
                if changed:  # removed meanwhile, changed in the draft: it comes back
                    setattr(row.object, fk_attname, obj.pk)
                    row.object.pk = None
                    row.object.save()
                continue
            if changed:
                for name in changed:
                    attname = row_model._meta.get_field(name).attname
                    setattr(stored, attname, getattr(row.object, attname))
                stored.save()
        if base_rows is None:
            continue
        removed = [pk for pk in base_rows if pk not in mine_pks]
        for stored in row_model._default_manager.filter(pk__in=removed):
            stored.delete()
    return model._default_manager.get(pk=obj.pk)


def publish(draft, user=None, strict=True):
    """Publish the draft: saved as a revision like any other. Returns the item (or None).

    Raises DraftConflict (and changes nothing) when `strict` and the published version changed
    since the draft was made in a field the draft changes too."""
    author = draft.author
    with transaction.atomic(), create_revision():
        obj = _apply(draft, strict=strict)
        if obj is not None:
            add_to_revision(obj)
            if user is not None:
                set_user(user)
            with translation.override(settings.LANGUAGE_CODE):
                who = (author.get_full_name() or author.get_username()) if author else "—"
                comment = _("Published the draft change of %(who)s") % {"who": who}
                if draft.comment:
                    comment = f"{draft.comment} ({comment})"
            set_comment(comment)
        draft.delete()
    return obj


def publish_due(now=None):
    """Publish every scheduled draft whose time has come.

    Returns (published, refused): a draft whose fields were also changed in the published
    version since it was made is left as it is, for an editor to decide.
    """
    published, refused = 0, []
    for draft in DraftChange.objects.due(now or timezone.now()).select_related("scheduled_by"):
        try:
            publish(draft, draft.scheduled_by)
        except DraftConflict as conflict:
            refused.append((draft, conflict.labels))
        else:
            published += 1
    return published, refused


def page_of(obj):
    """The public page that shows `obj`: its own, or else the first page of an item that
    points to it (an activity type has no page; its guidance pages show it)."""
    if hasattr(obj, "get_absolute_url"):
        return obj
    for relation in obj._meta.related_objects:
        model = relation.related_model
        if not relation.one_to_many or not hasattr(model, "get_absolute_url"):
            continue
        rows = model._default_manager.filter(**{relation.field.name: obj.pk})
        if hasattr(rows, "published"):
            rows = rows.published()
        first = rows.order_by("pk").first()
        if first is not None:
            return first
    return None


_MAIN = re.compile(rb"<main[^>]*>")
_BODY = re.compile(rb"<body[^>]*>")


def render_preview(request, draft):
    """The item's public page as it will be once the draft is published; nothing is kept.

    The page is rendered for the editor (so never from or into a shared cache: the request has
    a session cookie), marked private and no-store, with a "Concept" banner at the top.
    """
    try:
        with transaction.atomic():
            obj = _apply(draft, strict=False)
            page = page_of(obj) if obj is not None else None
            response = None
            if page is not None:
                try:
                    match = resolve(page.get_absolute_url())
                except Resolver404:
                    match = None
                if match is not None:
                    response = match.func(request, *match.args, **match.kwargs)
                    if hasattr(response, "render"):
                        response.render()
            raise _RollBack(response)
    except _RollBack as rolled_back:
        response = rolled_back.result
    if response is None or response.status_code != 200:
        return None
    banner = format_html(
        '<div class="draft-banner" role="status"><strong>{}</strong> {}</div>',
        _("Concept"),
        _("This is a preview of a draft change: visitors still see the published page."),
    )
    opening = _MAIN if _MAIN.search(response.content) else _BODY
    response.content = opening.sub(
        lambda tag: tag.group(0) + banner.encode(), response.content, count=1
    )
    patch_cache_control(response, private=True, no_store=True)
    response.headers.pop("ETag", None)
    return response
