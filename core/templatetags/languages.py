"""`<div{{ example|fallback_lang:"description" }}>`: mark a translated text that falls back.

A translated field whose text in the page's language is empty shows the Dutch text
(MODELTRANSLATION_FALLBACK_LANGUAGES); on an English page that Dutch text gets `lang="nl"`, so a
screen reader reads it as Dutch and a reader sees why it is not in English.
"""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.filter
def fallback_lang(obj, field):
    """` lang="nl"` (with its leading space) when `obj.field` shows the Dutch fallback, else ""."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    code = (get_language() or default)[:2]
    if obj is None or code == default:
        return ""
    if getattr(obj, f"{field}_{code}", None) or not getattr(obj, f"{field}_{default}", None):
        return ""
    return mark_safe(f' lang="{default}"')
