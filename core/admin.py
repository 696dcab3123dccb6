"""What every content admin shares: truthful history, Dutch labels in it, forms that fit a screen.

Apps build their admin classes on `ContentAdmin` (and inlines on `ContentInlineMixin`), so other
mixins (revisions, locking) can be added to the same classes.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from modeltranslation.admin import TranslationAdmin


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
