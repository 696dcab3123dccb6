"""Revisions and the history that shows them (README, Safe editing).

- `keep_revisions` makes every admin save of a model a revision (django-reversion);
- `RevisionHistoryMixin` puts the editor's comment into the revision and gives the history its
  own pages: the list of revisions, each with a link to compare it with another, field by field,
  and to restore it;
- `HistoryInSiteLanguageMixin` writes Django's own history in the site's language and leaves out
  saves that changed nothing.
"""

from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from reversion import (
    add_to_revision,
    create_revision,
    get_registered_models,
    is_registered,
    register,
    set_comment,
)
from reversion.admin import VersionAdmin
from reversion.models import Version

from editing.forms import COMMENT_FIELD
from editing.revisions import diff_states, editable_field_names, version_state

# {model: the relations its revisions keep with it}, as registered here. django-reversion keeps
# them too, but only behind a private function.
_FOLLOWED = {}


def keep_revisions(model, follow=()):
    """Make every save of `model` through the admin a revision (django-reversion).

    Called at the top of an app's admin.py, before its admin classes: by then modeltranslation
    has added the Dutch and English fields, so the revisions keep both languages. `follow`
    names the inline rows a revision keeps with the item (a guidance's tips).
    """
    if not is_registered(model):
        # ignore_duplicates: saving an item unchanged adds no version to its history.
        register(model, follow=follow, ignore_duplicates=True)
        _FOLLOWED[model] = tuple(follow)


def followed_rows(model):
    """(model, fk name, field names) for each relation the revisions of `model` keep with it."""
    related = []
    for name in _FOLLOWED.get(model, ()):
        relation = model._meta.get_field(name)
        if relation.one_to_many:
            row_model = relation.related_model
            fk_name = relation.field.name
            names = [name for name in editable_field_names(row_model) if name != fk_name]
            related.append((row_model, fk_name, names))
    return related


def keep_initial_versions(using="default", **kwargs):
    """Give every content item without a version its first one: the content as it is.

    Content loaded by `seed`, or entered before revisions were kept, has no version, so an
    editor's first change could not be undone from the history. Run after `seed` and after
    every `migrate` (post_migrate, see EditingConfig): it only adds what is missing.
    """
    with translation.override(settings.LANGUAGE_CODE):
        comment = str(_("Initial version: the content as it was before the first edit"))
    with transaction.atomic(using=using):  # one commit, not one per item
        _keep_initial_versions(using, comment)


def _keep_initial_versions(using, comment):
    # Items that keep rows with them (a guidance its tips) first: their rows are then kept too.
    models = sorted(get_registered_models(), key=lambda model: not _FOLLOWED.get(model))
    for model in models:
        if not model._meta.managed or model._meta.proxy:
            continue
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        kept = set(
            Version.objects.using(using)
            .filter(content_type=content_type)
            .values_list("object_id", flat=True)
        )
        for obj in model._default_manager.using(using).iterator():
            if str(obj.pk) in kept:
                continue
            with create_revision(using=using):
                add_to_revision(obj, model_db=using)
                set_comment(comment)
            # Rows it follows (a guidance's tips) now have a version too.
            kept.add(str(obj.pk))


def _version_id(value):
    """A version id from the query string; 0 (no such version) for anything else."""
    return int(value) if value and value.isdigit() else 0


class RevisionHistoryMixin(VersionAdmin):
    """Revisions with the editor's comment; the history with compare and restore."""

    object_history_template = "admin/safe_editing/object_history.html"
    compare_template = "admin/safe_editing/compare.html"
    revision_form_template = "admin/safe_editing/revision_form.html"
    recover_form_template = "admin/safe_editing/recover_form.html"
    recover_list_template = "admin/safe_editing/recover_list.html"
    history_latest_first = True

    def revision_view(self, request, object_id, version_id, extra_context=None):
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        version = get_object_or_404(versions, pk=_version_id(str(version_id)))
        number = versions.filter(pk__lte=version.pk).count()
        context = {
            "title": _("Restore version %(number)s of %(name)s")
            % {"number": number, "name": version.object_repr},
            "version": version,
            "version_number": number,
            **(extra_context or {}),
        }
        return super().revision_view(request, object_id, version_id, context)

    def reversion_register(self, model, **options):
        # A model the admin registers itself (not through keep_revisions) is remembered too.
        super().reversion_register(model, **options)
        _FOLLOWED[model] = tuple(options.get("follow", ()))

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
        older.number = versions.filter(pk__lte=older.pk).count()
        newer.number = versions.filter(pk__lte=newer.pk).count()
        fields = editable_field_names(self.model)
        related = followed_rows(self.model)
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
        versions = list(versions)
        context = {
            "action_list": [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "number": len(versions) - index,
                    "url": reverse(
                        "admin:{}_{}_revision".format(*info),
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for index, version in enumerate(versions)
            ],
            "compare_url": reverse(
                "admin:{}_{}_compare".format(*info), args=[quote(unquote(object_id))]
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)


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
