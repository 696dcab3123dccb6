from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def swap_href(url):
    """The attributes of a link that htmx swaps into the page and pushes into the history.

    Without JavaScript it is an ordinary link to the same address, which serves the whole page.
    """
    return format_html('href="{0}" data-hx-get="{0}" data-hx-push-url="true"', url)
