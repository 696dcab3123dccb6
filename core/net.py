"""Who is asking: the client's address, for login throttling and rate limits.

settings.AXES_CLIENT_IP_CALLABLE names `client_ip`, and core.ratelimit counts by it, so the
login lockout and every limit agree on who a visitor is.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text):
    """The address in `text` (IPv4-mapped IPv6 as plain IPv4), or None if it is not one."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address):
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """REMOTE_ADDR; behind a proxy, the address the trusted proxies report.

    X-Forwarded-For is believed only when DJANGO_BEHIND_PROXY is on and the connection comes
    from a trusted proxy (settings.TRUSTED_PROXIES, loopback by default). Each proxy appends the
    address it saw, so the header is read from the right: past every trusted proxy, the first
    address is the client's. Entries further left come from the client and can be forged; so
    can the whole header of a peer that is no trusted proxy, which is then ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not getattr(settings, "BEHIND_PROXY", False):
        return remote
    closest = _address(remote)
    if not _trusted(closest):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed([entry for entry in forwarded.split(",") if entry.strip()]):
        address = _address(entry)
        if address is None:  # not an address: the hop before it is the last one we can vouch for
            break
        closest = address
        if not _trusted(address):
            break
    return str(closest)


def client_key(request):
    """The client's address as a rate limit counts it: an IPv6 address by its /64 network.

    One household or phone gets a whole /64 and can pick any address in it.
    """
    text = client_ip(request) or ""
    address = _address(text)
    if address is None:
        return text[:64]
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class ProxyHeadersFromTrustedProxiesOnly:
    """Behind a proxy, drop X-Forwarded-Proto from a peer that is no trusted proxy.

    Django believes SECURE_PROXY_SSL_HEADER from whoever sends it; a client that reaches an app
    server directly could then pass for HTTPS (secure cookies sent, the HTTPS redirect skipped).
    First in MIDDLEWARE, so nothing reads `request.is_secure()` before this.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "BEHIND_PROXY", False) and not _trusted(
            _address(request.META.get("REMOTE_ADDR", ""))
        ):
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)
