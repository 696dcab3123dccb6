from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from gemeenten import views as gemeente_views
from pagecache.pages import public_page
from wijkverbinder import views
from wijkverbinder.sitemaps import layered_sitemap

admin.site.site_header = _("Wijkverbinder content")
admin.site.site_title = _("Wijkverbinder content")
admin.site.index_title = _("Edit the content of the Wijkverbinder")

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", public_page(layered_sitemap), name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    re_path(r"^logo/(?P<digest>[0-9a-f]{16})\.png$", gemeente_views.logo, name="gemeente_logo"),
    re_path(
        r"^huisstijl/(?P<digest>[0-9a-f]{16})\.css$",
        gemeente_views.own_tokens,
        name="gemeente_tokens",
    ),
]

# Dutch at /, English under /en/: a shared link carries its language.
urlpatterns += i18n_patterns(
    # The admin's login (its own address) and two-step login pages, before the admin itself.
    path("admin/", include("signin.urls")),
    path("admin/", admin.site.urls),
    path("", include("phases.urls")),
    path("", include("activities.urls")),
    path("", include("library.urls")),
    path("", include("wijkscan.urls")),
    path("", include("buurtoverleg.urls")),
    path("", include("examples.urls")),
    path("", include("search.urls")),
    path("", include("content.urls")),
    path("", include("pages.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    # Preview the styled error pages while developing (/404/, /500/, /en/404/ ...).
    urlpatterns += i18n_patterns(
        *[
            path(f"{code}/", TemplateView.as_view(template_name=f"{code}.html"))
            for code in (400, 403, 404, 500)
        ],
        prefix_default_language=False,
    )

handler500 = "wijkverbinder.views.server_error"
