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

FORMAT = "json"  # django-reversion's default format


class DraftSaved(Exception):
    """Raised inside the admin's save to roll it back, carrying what it would have stored."""

    def __init__(self, serialized):
        super().__init__("draft saved")
        self.serialized = serialized


class _RollBack(Exception):
    def __init__(self, result):
        super().__init__("rolled back")
        self.result = result


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


def keep_draft(obj, serialized, user, comment=""):
    """Store (or replace) the draft change of `obj`."""
    draft, _created = DraftChange.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        defaults={
            "object_repr": str(obj)[:200],
            "serialized_data": serialized,
            "author": user if user and user.is_authenticated else None,
            "comment": comment[:200],
            "publish_at": None,
            "scheduled_by": None,
        },
    )
    return draft


def draft_of(obj):
    return DraftChange.objects.for_object(obj).select_related("author", "scheduled_by").first()


def _apply(draft):
    """Store the draft in the content tables (in the caller's transaction). Returns the item."""
    model = draft.content_type.model_class()
    obj = model._default_manager.filter(pk=draft.object_id).first()
    if obj is None:
        return None
    deserialized = list(
        serializers.deserialize(FORMAT, draft.serialized_data, ignorenonexistent=True)
    )
    item, rows = deserialized[0], deserialized[1:]
    # Ordinary saves (not raw ones): the content version moves on and an old slug is kept.
    item.object.save()
    for name, values in (item.m2m_data or {}).items():
        getattr(item.object, name).set(values)
    for row_model, fk, _names in followed_rows(model):
        kept = []
        for row in rows:
            if type(row.object) is row_model:
                setattr(row.object, row_model._meta.get_field(fk).attname, item.object.pk)
                row.object.save()
                kept.append(row.object.pk)
        row_model._default_manager.filter(**{fk: item.object.pk}).exclude(pk__in=kept).delete()
    return model._default_manager.get(pk=item.object.pk)


def publish(draft, user=None):
    """Publish the draft: saved as a revision like any other. Returns the item (or None)."""
    author = draft.author
    with transaction.atomic(), create_revision():
        obj = _apply(draft)
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
    """Publish every scheduled draft whose time has come. Returns how many were published."""
    count = 0
    for draft in DraftChange.objects.due(now or timezone.now()).select_related("scheduled_by"):
        publish(draft, draft.scheduled_by)
        count += 1
    return count


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
            obj = _apply(draft)
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
