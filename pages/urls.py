from django.urls import path, register_converter

from pages import views
from pages.models import SitePage


class SitePageSlug:
    """Only the footer pages' own slugs, so /<slug>/ never shadows another app's address."""

    regex = "|".join(SitePage.Slug.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SitePageSlug, "sitepage")

app_name = "pages"
urlpatterns = [
    path("<sitepage:slug>/", views.page_detail, name="detail"),
]
