"""Which layer a request is for: the national site, or the gemeente whose host it came to.

`settings.ALLOWED_HOSTS` is `["*"]` so that a gemeente's host works the moment an editor saves it
(no restart); `HostMiddleware`, first in MIDDLEWARE, does the host check Django would do: the
national hosts (`settings.SITE_HOSTS`, from DJANGO_ALLOWED_HOSTS) and every gemeente's host names
pass, anything else is a 400, logged like Django's own DisallowedHost.
"""

from dataclasses import dataclass

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.urls import reverse

from gemeenten.hostnames import national_host
from pagecache import version as content_version
from pagecache.objects import shared


@dataclass(frozen=True)
class Local:
    """The gemeente a request is for, as pages need it (kept in the shared-object cache)."""

    pk: int
    slug: str
    name: str
    theme: str = ""
    logo: str = ""  # the logo's digest, "" without one
    logo_width: int = 0  # its width in the header
    own_tokens: str = ""  # the digest of its own design tokens' stylesheet, "" without them

    @property
    def logo_url(self):
        """The logo's address on this gemeente's hosts, or "" without one."""
        return reverse("gemeente_logo", args=[self.logo]) if self.logo else ""

    @property
    def stylesheet_url(self):
        """The address of its look's CSS: its own design tokens, else the theme it picked, else
        "" for the national look."""
        from django.templatetags.static import static

        from gemeenten.themes import themes

        if self.own_tokens:
            return reverse("gemeente_tokens", args=[self.own_tokens])
        theme = themes().get(self.theme)
        return static(theme.stylesheet) if theme else ""


def host_table(version):
    """Every gemeente host name → its `Local`, built once per content version."""

    def build():
        from gemeenten.logos import header_width
        from gemeenten.models import Host

        hosts = Host.objects.select_related("gemeente").defer("gemeente__logo")
        return {
            host.name: Local(
                host.gemeente_id,
                host.gemeente.slug,
                host.gemeente.name,
                host.gemeente.theme,
                host.gemeente.logo_digest,
                header_width(host.gemeente.logo_width, host.gemeente.logo_height),
                host.gemeente.own_tokens_digest,
            )
            for host in hosts
        }

    return shared(version, "gemeente-hosts", build)


def gemeente_for(request):
    """The request's gemeente (`Local`), or None on the national site; DisallowedHost if neither."""
    host = request.get_host()
    domain, _port = split_domain_port(host)
    if domain and national_host(domain):
        return None
    local = host_table(content_version.current(request)).get(domain) if domain else None
    if local is None:
        raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}. It is no site or gemeente host.")
    return local


class HostMiddleware:
    """Sets `request.gemeente`; a host that is neither national nor a gemeente's is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.gemeente = gemeente_for(request)
        return self.get_response(request)


def context(request):
    """Templates: `gemeente`, the layer this page is for (None on the national site)."""
    return {"gemeente": getattr(request, "gemeente", None)}
