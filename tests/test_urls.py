import pytest
from django.urls import resolve, reverse
from django.utils import translation

from tests.factories import GuidanceFactory, PublicationFactory


@pytest.mark.parametrize(
    ("name", "kwargs", "path"),
    [
        ("phases:list", {}, "/"),
        ("phases:detail", {"slug": "in-rust"}, "/verbinden/in-rust/"),
        (
            "activities:detail",
            {"phase_slug": "in-rust", "slug": "elkaar-helpen"},
            "/verbinden/in-rust/elkaar-helpen/",
        ),
    ],
)
def test_dutch_urls_have_no_language_prefix_and_round_trip(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    assert resolve(path).view_name == name


@pytest.mark.parametrize(
    ("name", "kwargs", "path"),
    [
        ("phases:list", {}, "/en/"),
        ("phases:detail", {"slug": "bij-spanningen"}, "/en/verbinden/bij-spanningen/"),
        (
            "activities:detail",
            {"phase_slug": "bij-ongemak", "slug": "dialoog"},
            "/en/verbinden/bij-ongemak/dialoog/",
        ),
    ],
)
def test_english_urls_keep_the_same_slugs_under_en(name, kwargs, path):
    with translation.override("en"):
        assert reverse(name, kwargs=kwargs) == path
        assert resolve(path).view_name == name


def test_admin_is_in_dutch_at_admin_and_english_under_en():
    assert reverse("admin:index") == "/admin/"
    with translation.override("en"):
        assert reverse("admin:index") == "/en/admin/"


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert b"Disallow: /admin/" in response.content


def test_favicon_ico_redirects_to_the_svg_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


@pytest.mark.django_db
def test_sitemap_lists_every_page_in_both_languages(client, django_assert_max_num_queries):
    guidance = GuidanceFactory()
    PublicationFactory(slug="waarom-contact-werkt")

    # The content version, then one query per sitemap of content: phases, guidance, library,
    # examples, site pages.
    with django_assert_max_num_queries(6):
        response = client.get("/sitemap.xml")

    content = response.content.decode()
    assert f"<loc>http://testserver{guidance.get_absolute_url()}</loc>" in content
    assert f"<loc>http://testserver/en{guidance.get_absolute_url()}</loc>" in content
    assert 'hreflang="x-default"' in content
    assert "/bibliotheek/waarom-contact-werkt/" in content
    assert "/wijkscan/" in content
    assert b"Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content
