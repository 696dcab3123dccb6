"""`<div{{ example|fallback_lang:"description" }}>`: mark a text that is not in the page's language.

A translated field whose text in the page's language is empty shows the Dutch text
(MODELTRANSLATION_FALLBACK_LANGUAGES); on an English page that Dutch text gets `lang="nl"`, so a
screen reader reads it as Dutch and a reader sees why it is not in English. The other way round:
an item written in English (`written_in`, e.g. a practice example shared in English) keeps its
English text in the Dutch field until an editor translates it; on a Dutch page, while the two
are the same, the text gets `lang="en"`.
"""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.filter
def fallback_lang(obj, field):
    """` lang="…"` (with its leading space) when `obj.field` shows text in another language than
    the page's, else ""."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    code = (get_language() or default)[:2]
    if obj is None:
        return ""
    if code == default:
        written_in = getattr(obj, "written_in", default)
        text = getattr(obj, f"{field}_{default}", None)
        if written_in != default and text and text == getattr(obj, f"{field}_{written_in}", None):
            return mark_safe(f' lang="{written_in}"')
        return ""
    if getattr(obj, f"{field}_{code}", None) or not getattr(obj, f"{field}_{default}", None):
        return ""
    return mark_safe(f' lang="{default}"')
