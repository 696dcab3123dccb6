"""A query string with a NUL byte in it is refused with the site's styled 400, before any view.

No address of ours carries a NUL, and PostgreSQL refuses one in a query parameter ("PostgreSQL
text fields cannot contain NUL (0x00) bytes") where SQLite accepts it: a view that passed one
from the query string on to the database (the wijkscan looks up renamed slugs) answered 500 on
PostgreSQL only. Refusing it here, once, covers every page, those of today and those to come.
"""

from urllib.parse import unquote

from django.core.exceptions import BadRequest

NUL = "\x00"


def has_nul(query_string):
    """True when the query string holds a NUL, sent as %00 or as the byte itself."""
    return NUL in unquote(query_string)


class RejectNulQueryStringMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request.META.get("QUERY_STRING", "")):
            # Django answers with the styled 400 page (templates/400.html), in the page's language.
            raise BadRequest("The query string contains a NUL byte.")
        return self.get_response(request)
