"""Host names as the site compares them: lower case, IDNs in their ASCII (punycode) form, as
browsers send them (core.text.ascii_domain)."""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from core.text import ascii_domain

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalise_host_name(value):
    """The ASCII form of a host name, or ValueError with a message for the editor."""
    name = (value or "").strip().rstrip(".").lower()
    if not name or any(sign in name for sign in "/:@ ?#"):
        raise ValueError(_("Enter only a host name, such as wijkverbinder.example.nl."))
    name = ascii_domain(name)
    if name is None:
        raise ValueError(_("This is not a valid host name."))
    labels = name.split(".")
    if len(name) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise ValueError(_("This is not a valid host name."))
    if labels[-1].isdigit():
        raise ValueError(_("Enter a host name, not an IP address."))
    if national_host(name):
        raise ValueError(_("This host name belongs to the national site."))
    return name


def national_host(domain):
    """Whether `domain` (lower case, no port) is one of the national site's hosts."""
    from django.http.request import validate_host

    return validate_host(domain, settings.SITE_HOSTS)
