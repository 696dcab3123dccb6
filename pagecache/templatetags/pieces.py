"""Pieces of a page rendered once and reused: the header, the footer, a card.

`{% fragment "name" var ... %}…{% endfragment %}` keeps the rendered piece per language and the
values of the variables named, for pieces made of code and templates only (the menu, the
footer). `{% contentfragment "name" var ... %}` also keys it on the content version, for pieces
that show content (an activity card): a content save changes that version in every process and on
every app server, so no piece is ever stale.

They are Django's `{% cache %}`, with the language and the content version always in the key, in
a cache of this process (`settings.FRAGMENT_CACHE_ALIAS`): the pieces are small, and a shared cache
would cost a round trip for each. Nothing is stored or reused for a logged-in editor, who may see
drafts, nor when `settings.FRAGMENT_CACHE_ENABLED` is off (by default in development, where
templates change).
"""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from core.visitors import is_editor
from pagecache import version as content_version

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, versioned):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.versioned = versioned

    def render(self, context):
        request = context.get("request")
        if request is None or not settings.FRAGMENT_CACHE_ENABLED or is_editor(request):
            return self.nodelist.render(context)
        vary_on = [get_language() or ""]
        if self.versioned:
            vary_on.append(content_version.current(request))
        vary_on.extend(variable.resolve(context) for variable in self.vary_on)
        key = make_template_fragment_key(self.name, vary_on)
        cache = caches[settings.FRAGMENT_CACHE_ALIAS]
        value = cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            cache.set(key, value)
        return value


def _parse(parser, token, versioned):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name for the fragment.")
    name = bits[1].strip("\"'")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(nodelist, name, vary_on, versioned)


@register.tag
def fragment(parser, token):
    """A piece made of code and templates only, kept per language and the variables given."""
    return _parse(parser, token, versioned=False)


@register.tag
def contentfragment(parser, token):
    """A piece that shows content, kept per language, content version and the variables given."""
    return _parse(parser, token, versioned=True)
