"""The content version: a number that every content save bumps, read once per public request.

Receivers are connected for the models named in settings.CONTENT_MODELS (by label, so this module
imports no app). Admin saves, shell edits, `loaddata`/`seed` (raw saves) and deletes
send these signals; `QuerySet.update()`, `bulk_create()` and raw SQL do not: call `bump()` (or
`manage.py bumpcontentversion`) after those, and after restoring a database dump.
"""

import secrets
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pagecache.models import ContentVersion

ROW = 1
REQUEST_ATTRIBUTE = "_content_version"
_SELECT = f"SELECT number, token FROM {ContentVersion._meta.db_table} WHERE id = %s"


def current(request=None):
    """The version as a short string; memoised on the request so it costs one query at most."""
    if request is not None and hasattr(request, REQUEST_ATTRIBUTE):
        return getattr(request, REQUEST_ATTRIBUTE)
    # Plain SQL: this runs on every public request, and the ORM would spend more time building
    # the query than SQLite or PostgreSQL spend answering it.
    with connection.cursor() as cursor:
        cursor.execute(_SELECT, [ROW])
        row = cursor.fetchone()
    version = f"{row[0]}-{row[1]}" if row else "0"
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    return version


def bump():
    """Move the version on atomically, in the caller's transaction: it commits with the edit."""
    token = secrets.token_hex(8)
    changes = {"number": F("number") + 1, "token": token}
    if ContentVersion.objects.filter(pk=ROW).update(**changes):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=ROW, number=1, token=token)
    except IntegrityError:  # another process created the row first
        ContentVersion.objects.filter(pk=ROW).update(**changes)


@cache
def content_labels():
    """The labels of the content models ("phases.phase", ...), from settings.CONTENT_MODELS.

    Asked for every save and every row in a piece's key, so worked out once per process.
    """
    return frozenset(label for labels in settings.CONTENT_MODELS.values() for label in labels)


@receiver(setting_changed)
def _forget_content_labels(setting, **kwargs):
    if setting == "CONTENT_MODELS":
        content_labels.cache_clear()


def _is_content(model):
    meta = getattr(model, "_meta", None)
    # Models rebuilt by migrations live in the "__fake__" module: the table may not exist yet.
    return (
        meta is not None and meta.label_lower in content_labels() and model.__module__ != "__fake__"
    )


def _on_save_or_delete(sender, **kwargs):
    if _is_content(sender):
        bump()


def _on_m2m_changed(sender, instance, action, **kwargs):
    # The sender is the relation's through model; the instance is the content row changed.
    if action in {"post_add", "post_remove", "post_clear"} and _is_content(type(instance)):
        bump()


def connect():
    post_save.connect(_on_save_or_delete, dispatch_uid="pagecache.version.save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="pagecache.version.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="pagecache.version.m2m")
