"""Small helpers for the texts editors write, shared by the apps' models."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import idna
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")


def lines(text):
    """The non-empty lines of a one-item-per-line text field, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class WebLink:
    """A link to another site: the address and the domain that names it, from one parse.

    The domain is in its ASCII (punycode) form: "\u0430pple.com" with a Cyrillic "\u0430" shows as
    "xn--pple-43d.com", so a look-alike of a known site never reads as that site.
    """

    href: str
    domain: str


def web_link(url):
    """The link for a stored address, or None when it is not a plain http(s) address.

    Refused: other schemes (javascript:, data:), a user name or password before the host,
    anything a browser reads differently from Python (backslashes, whitespace, control
    characters, percent signs in the host), and a host that is not a valid international domain
    name: the domain shown must be the site the link opens.
    """
    url = (url or "").strip()
    if not url or "\\" in url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a malformed port)
    except ValueError:
        return None
    if (
        parts.scheme.lower() not in WEB_SCHEMES
        or not host
        or "@" in parts.netloc
        or "%" in parts.netloc
    ):
        return None
    ascii_host = ascii_domain(host)
    if ascii_host is None:
        return None
    return WebLink(href=url, domain=ascii_host.removeprefix("www."))


def ascii_domain(host):
    """The host in the ASCII form browsers resolve (IDNA 2008 with UTS 46, as browsers do), or
    None when it cannot be one. An IP address or a plain ASCII host is kept as it is."""
    if host.isascii():
        return host.lower()
    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except idna.IDNAError:
        return None


def domain(url):
    """The host of a web address without 'www.', the way a link names its site."""
    link = web_link(url)
    return link.domain if link else ""


def validate_web_url(url):
    if url and web_link(url) is None:
        raise ValidationError(
            _(
                "Enter a web address that starts with http:// or https://, without a user "
                "name, password, spaces or backslashes."
            ),
            code="invalid_web_url",
        )
