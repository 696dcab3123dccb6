"""Pieces of a page rendered once and reused: `{% piece "template.html" name=value ... %}`.

A piece is an include with only the values given, nothing else: no request, no context processor,
no variable of the page around it. So what it shows follows from those values, and its key is
made of them (pagecache.keys): the template's name, the values, the language, the URLconf, the
release id and the content version. A value added to the piece is in its key by construction; a
variable it forgets to take is simply empty, in development as on a server.

Values a key can be made of: None, strings, numbers, booleans, dates, lists, tuples and dicts of
them, and saved rows of content models (settings.CONTENT_MODELS). A row counts as itself at this
content version (model and primary key) plus every attribute a view set on it, the related rows
it holds and the rows prefetched for it; a view must not change a row's fields in memory and then
show it in a piece. Any other value (a form, a queryset, a page of results) makes the piece render
every time, and `settings.PAGE_CACHE_STRICT` (tests) turns that into an error.

Pieces are kept in this process (pagecache.store.PIECES): they are small, and a shared cache
would cost a round trip for each. Nothing is stored or reused for a logged-in editor, who may see
drafts, nor when `settings.PIECE_CACHE_ENABLED` is off (by default in development).
"""

import datetime
import decimal
import uuid
from functools import cache

from django import template
from django.conf import settings
from django.db import models
from django.template import Context
from django.urls import get_urlconf
from django.utils.functional import Promise
from django.utils.translation import get_language

from core.visitors import is_editor
from pagecache import store
from pagecache import version as content_version
from pagecache.keys import digest, make_key

register = template.Library()

PLAIN = (
    str,
    int,
    float,
    bool,
    type(None),
    datetime.date,
    datetime.time,
    decimal.Decimal,
    uuid.UUID,
)


class Unkeyable(TypeError):
    """A value a piece's key cannot be made of."""


@cache
def _field_names(model):
    return frozenset(field.attname for field in model._meta.concrete_fields)


def _instance(obj, depth):
    if depth < 0:
        raise Unkeyable(f"a {obj._meta.label} nested this deep cannot be part of a piece's key")
    if obj.pk is None or obj._state.adding:
        raise Unkeyable(f"an unsaved {obj._meta.label} cannot be part of a piece's key")
    if obj._meta.label_lower not in content_version.content_labels():
        # Only a save of content moves the version on: any other row could change unseen.
        raise Unkeyable(f"a {obj._meta.label} is not content (settings.CONTENT_MODELS)")
    parts = [obj._meta.label, repr(obj.pk)]
    fields = _field_names(type(obj))
    for name, value in sorted(vars(obj).items()):
        if name.startswith("_") or name in fields:
            continue
        parts.append(f"{name}={fingerprint(value, depth - 1)}")
    if depth > 0:
        related = obj._state.fields_cache
        for name in sorted(related):
            parts.append(f"{name}->{fingerprint(related[name], depth - 1)}")
        prefetched = getattr(obj, "_prefetched_objects_cache", {})
        for name in sorted(prefetched):
            parts.append(f"{name}*{fingerprint(list(prefetched[name]), depth - 1)}")
    return "<" + "|".join(parts) + ">"


def fingerprint(value, depth=2):
    """A string that changes whenever `value` could render differently at this content version."""
    if isinstance(value, PLAIN):
        return f"{type(value).__name__}:{value!r}"
    if isinstance(value, Promise):  # a lazy translation: the language is in the key
        return f"{type(value).__name__}:{str(value)!r}"
    if isinstance(value, models.Model):
        return _instance(value, depth)
    if isinstance(value, list | tuple):
        return "[" + ",".join(fingerprint(item, depth) for item in value) + "]"
    if isinstance(value, dict):
        items = sorted((repr(key), fingerprint(item, depth)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    raise Unkeyable(f"a {type(value).__name__} cannot be part of a piece's key")


class PieceNode(template.Node):
    def __init__(self, template_name, values):
        self.template_name = template_name
        self.values = values

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        piece = context.template.engine.get_template(self.template_name)
        key = self._key(context, values)
        if key is not None:
            rendered = store.PIECES.get(key)
            if rendered is not None:
                return rendered
        rendered = piece.render(Context(values, autoescape=context.autoescape))
        if key is not None:
            store.PIECES.set(key, rendered)
        return rendered

    def _key(self, context, values):
        request = context.get("request")
        if request is None or not settings.PIECE_CACHE_ENABLED or is_editor(request):
            return None
        try:
            values_key = fingerprint(values)
        except Unkeyable as error:
            if settings.PAGE_CACHE_STRICT:
                message = f"{{% piece {self.template_name} %}}: {error}"
                raise template.TemplateSyntaxError(message) from error
            return None
        return make_key(
            "piece",
            content_version.current(request),
            self.template_name,
            get_language() or "",
            get_urlconf() or "",
            context.autoescape,
            digest(values_key),
        )


@register.tag
def piece(parser, token):
    """`{% piece "includes/card/activity.html" item=item current=guidance %}`"""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a template name in quotes.")
    values = template.base.token_kwargs(bits[2:], parser, support_legacy=False)
    if len(values) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes only name=value pairs.")
    return PieceNode(bits[1][1:-1], values)
