"""Editors stay in their own garden: a gemeente's editors see and change only its layer.

An account named among a gemeente's editors is a *gemeente editor*: every admin of rows that
belong to a gemeente (`LocalLayerAdminMixin`) shows them only their gemeente's rows, and refuses
the others in every view (list, change, delete, history, compare, restore, recover, autocomplete).
An account in no gemeente is a national editor, and sees everything.
"""

import inspect
from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import URLPattern

GROUP = "Gemeenteredacteur"
# What a gemeente editor may do, besides what LocalLayerAdminMixin narrows to their gemeente.
PERMISSIONS = {
    "contacts.contact": ["add", "change", "delete", "view"],
    "examples.practiceexample": ["add", "change", "delete", "view"],
    "examples.examplesubmission": ["change", "view"],
    "gemeenten.gemeente": ["change", "view"],
    "gemeenten.host": ["view"],
}


def own_gemeenten(user):
    """The pks of the gemeenten `user` edits, or None for a national editor (all of them)."""
    if not user.is_authenticated or user.is_superuser:
        return None
    cached = getattr(user, "_own_gemeenten", ...)
    if cached is ...:
        cached = frozenset(user.edited_gemeenten.values_list("pk", flat=True)) or None
        user._own_gemeenten = cached
    return cached


def grant_gemeente_editor_permissions(group, permission_model):
    """Give `group` exactly PERMISSIONS (a gemeente editor's), nothing else."""
    from django.db.models import Q

    wanted = Q(pk__in=[])
    for label, actions in PERMISSIONS.items():
        app_label, _, model = label.partition(".")
        wanted |= Q(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    group.permissions.set(permission_model.objects.filter(wanted))


class LocalLayerAdminMixin:
    """For the admin of a model with a `gemeente` (or, for Gemeente itself, its own pk)."""

    gemeente_lookup = "gemeente"

    def own(self, request):
        return own_gemeenten(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        own = self.own(request)
        if own is None:
            return queryset
        return queryset.filter(**{f"{self.gemeente_lookup}__in": own})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        own = self.own(request)
        if db_field.name == "gemeente" and own is not None:
            from gemeenten.models import Gemeente

            kwargs["queryset"] = Gemeente.objects.filter(pk__in=own)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        own = self.own(request)
        if own is not None and self._gemeente_of(obj) not in own:
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def _gemeente_of(self, obj):
        return obj.pk if self.gemeente_lookup == "pk" else obj.gemeente_id

    def _allowed_pk(self, request, object_id):
        """Whether `object_id` is a row this editor may see; a deleted row by its last version."""
        if self.own(request) is None:
            return True
        if self.get_queryset(request).filter(pk=object_id).exists():
            return True
        if self.model._default_manager.filter(pk=object_id).exists():
            return False
        # Deleted: what its last version says (recover and revision pages).
        from reversion.models import Version

        version = Version.objects.get_for_object_reference(self.model, object_id).first()
        return version is not None and self._version_gemeente(version) in self.own(request)

    def _allowed_version(self, request, version_id):
        if self.own(request) is None:
            return True
        from reversion.models import Version

        version = Version.objects.get_for_model(self.model).filter(pk=version_id).first()
        return version is not None and self._version_gemeente(version) in self.own(request)

    def _version_gemeente(self, version):
        data = version.field_dict
        value = data.get("id") if self.gemeente_lookup == "pk" else data.get("gemeente")
        return getattr(value, "pk", value)

    def _reversion_order_version_queryset(self, request, queryset):
        """History and the list of deleted rows: only versions of this editor's gemeenten."""
        queryset = super()._reversion_order_version_queryset(request, queryset)
        own = self.own(request)
        if own is None:
            return queryset
        keep = [version.pk for version in queryset if self._version_gemeente(version) in own]
        return queryset.filter(pk__in=keep)

    def get_urls(self):
        return [self._guarded(pattern) for pattern in super().get_urls()]

    def _guarded(self, pattern):
        """Every admin view of one row (or one version) first checks the row is this editor's.

        Django's views name `object_id`; django-reversion's take it and `version_id` by position,
        so both are read through the view's signature.
        """
        if not isinstance(pattern, URLPattern):
            return pattern
        view = pattern.callback
        signature = inspect.signature(view)
        if not {"object_id", "version_id"} & set(signature.parameters):
            return pattern

        @wraps(view)
        def guarded(request, *args, **kwargs):
            given = signature.bind_partial(request, *args, **kwargs).arguments
            object_id, version_id = given.get("object_id"), given.get("version_id")
            try:
                allowed = (object_id is None or self._allowed_pk(request, unquote(object_id))) and (
                    version_id is None or self._allowed_version(request, version_id)
                )
            except (ValueError, TypeError, ValidationError):
                allowed = False
            if not allowed:
                raise Http404
            return view(request, *args, **kwargs)

        return URLPattern(pattern.pattern, guarded, pattern.default_args, pattern.name)
