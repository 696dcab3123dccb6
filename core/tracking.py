"""Click identifiers and campaign tags are dropped from every request before the site sees them.

Facebook adds `fbclid=` to each click on a shared link, a newsletter adds `utm_*=`: without this,
each such click would miss the page cache, be repeated in the language switcher's links, and
make the wijkscan report "a question we do not know". The site does not track its visitors, so
these parameters carry nothing it needs; the rest of the query string is kept byte for byte.
"""

from urllib.parse import unquote_plus

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",  # Facebook, Instagram, Messenger
        "gclid",  # Google Ads
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",  # Microsoft Advertising
        "twclid",  # X
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "igshid",  # Instagram shares
        "mc_cid",  # Mailchimp
        "mc_eid",
        "_hsenc",  # HubSpot
        "_hsmi",
        "yclid",  # Yandex
    }
)


def is_tracking(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def without_tracking(query_string):
    """The query string without tracking parameters; the other parts exactly as they came."""
    kept = [
        part
        for part in query_string.split("&")
        if not is_tracking(unquote_plus(part.partition("=")[0]))
    ]
    return "&".join(kept)


class DropTrackingParametersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if query_string:
            cleaned = without_tracking(query_string)
            if cleaned != query_string:
                request.META["QUERY_STRING"] = cleaned
                request.__dict__.pop("GET", None)  # parsed again from the cleaned string
        return self.get_response(request)
