from django import template

from core.text import web_link as parse_web_link

register = template.Library()


@register.filter
def web_link(url):
    """`{% with link=item.url|web_link %}{% if link %}<a href="{{ link.href }}">{{ link.domain }}`

    Whatever is stored (a fixture or an import bypasses the form), a link is rendered only for a
    plain http(s) address, and it is named by the host the browser will open.
    """
    return parse_web_link(url)
