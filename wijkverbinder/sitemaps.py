from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from activities.models import Guidance
from examples.models import PracticeExample
from library.models import Publication
from pages.models import SitePage
from phases.models import Phase


class _BilingualSitemap(Sitemap):
    """Every page in Dutch and English, each listing the other as its alternate."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(_BilingualSitemap):
    priority = 0.8

    def items(self):
        return [
            "phases:list",
            "wijkscan:scan",
            "activities:ladder",
            "library:list",
            "examples:list",
            "content:open_data",
        ]

    def location(self, item):
        return reverse(item)


class PhaseSitemap(_BilingualSitemap):
    priority = 0.7

    def items(self):
        return Phase.objects.for_overview()


class GuidanceSitemap(_BilingualSitemap):
    def items(self):
        return Guidance.objects.published().in_phase_order()

    def lastmod(self, item):
        return item.updated_at


class PublicationSitemap(_BilingualSitemap):
    priority = 0.4

    def items(self):
        return Publication.objects.published().for_list()


class ExampleSitemap(_BilingualSitemap):
    """On a gemeente's host (`local`): the national examples and its own."""

    priority = 0.5

    def __init__(self, local=None):
        self.local = local

    def items(self):
        return PracticeExample.objects.published().in_layer(self.local).order_by("slug")


class SitePageSitemap(_BilingualSitemap):
    priority = 0.3

    def items(self):
        return SitePage.objects.all()

    def lastmod(self, item):
        return item.updated_at


sitemaps = {
    "pages": PageSitemap,
    "phases": PhaseSitemap,
    "guidance": GuidanceSitemap,
    "library": PublicationSitemap,
    "examples": ExampleSitemap,
    "site_pages": SitePageSitemap,
}


def layered_sitemap(request):
    """The sitemap of the layer this host is for (gemeenten.local)."""
    local = getattr(request, "gemeente", None)
    return sitemap(request, sitemaps={**sitemaps, "examples": ExampleSitemap(local)})
