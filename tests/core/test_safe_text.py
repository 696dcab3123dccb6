"""Editors' text renders inert; web addresses are plain http(s) and named by their real host."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.text import domain, validate_web_url, web_link
from examples.models import PracticeExample
from library.models import Publication
from tests.admin_forms import form_data
from tests.factories import (
    ExampleSubmissionFactory,
    GuidanceFactory,
    PracticeExampleFactory,
    PublicationFactory,
)
from tests.html import select, select_one
from tests.xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db

UNSAFE_URLS = [
    "https://evil.example\\@example.com/",
    "https://example.com\\evil.example/",
    "https://user:secret@example.com/",
    "https://example.com@evil.example/",
    "javascript:alert(1)",
    "JavaScript:alert(1)//https://example.com",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.com/file",
    "//example.com/",
    "https:///nohost",
    "https://exa mple.com/",
    "https://example.com/\tx",
    "https://evil%2eexample/",
    "https://example.com:notaport/",
]


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_an_unsafe_web_address_is_refused_and_never_becomes_a_link(url):
    assert web_link(url) is None
    assert domain(url) == ""
    with pytest.raises(ValidationError):
        validate_web_url(url)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.kis.nl/x", "kis.nl"),
        ("http://example.org", "example.org"),
        ("HTTPS://Example.org/pad?q=1#a", "example.org"),
    ],
)
def test_a_plain_web_address_is_a_link_named_by_its_host(url, shown):
    assert web_link(url).href == url
    assert web_link(url).domain == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.\u0430pple.com/", "xn--pple-43d.com"),  # Cyrillic first letter
        ("https://fa\u00df.de", "xn--fa-hia.de"),  # as browsers resolve it, not "fass.de"
        ("https://\u4f8b\u3048.jp/pad", "xn--r8jz45g.jp"),
        ("https://xn--pple-43d.com", "xn--pple-43d.com"),
    ],
    ids=["look-alike", "sharp s", "japanese", "already punycode"],
)
def test_a_host_in_other_letters_is_named_in_punycode(url, shown):
    assert web_link(url).href == url
    assert domain(url) == shown


def test_a_host_that_is_no_valid_international_name_is_refused():
    assert web_link("https://a\u200db.nl/") is None


def test_the_admin_refuses_the_backslash_trick_for_an_example_website(admin_client):
    example = PracticeExampleFactory()
    url = reverse("admin:examples_practiceexample_change", args=[example.pk])
    data = form_data(admin_client.get(url))
    data["website"] = "https://evil.example\\@example.com/"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "website" in response.context["adminform"].form.errors
    example.refresh_from_db()
    assert example.website == "https://www.example.org/project"


def test_the_admin_refuses_a_user_and_password_in_a_publication_link(admin_client):
    publication = PublicationFactory()
    url = reverse("admin:library_publication_change", args=[publication.pk])
    data = form_data(admin_client.get(url))
    data["url"] = "https://user:pass@example.com/"

    response = admin_client.post(url, data)

    assert "url" in response.context["adminform"].form.errors


def test_a_javascript_url_loaded_past_the_form_is_not_rendered_as_a_link(client):
    guidance = GuidanceFactory()
    example = PracticeExampleFactory(guidances=[guidance])
    PracticeExample.objects.filter(pk=example.pk).update(website="javascript:alert(1)")
    publication = PublicationFactory()
    Publication.objects.filter(pk=publication.pk).update(url="data:text/html,x")

    page = client.get(guidance.get_absolute_url())
    library = client.get(publication.get_absolute_url())

    assert select(page, ".example__link") == []
    for response in (page, library):
        hrefs = [link["href"] for link in select(response, "a[href]")]
        schemes = {href.split(":", 1)[0] for href in hrefs if ":" in href}
        assert schemes <= {"http", "https", "mailto"}


def test_the_backslash_url_stored_past_the_form_is_not_a_link_either(client):
    guidance = GuidanceFactory()
    example = PracticeExampleFactory(guidances=[guidance])
    PracticeExample.objects.filter(pk=example.pk).update(
        website="https://evil.example\\@example.com/"
    )

    assert select(client.get(guidance.get_absolute_url()), ".example__link") == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_a_tip_is_escaped_in_the_html(client, payload):
    guidance = GuidanceFactory(tips=0)
    guidance.tips.create(kind="works", text_nl=payload, text_en=payload, position=1)

    response = client.get(guidance.get_absolute_url())

    tips = select_one(response, "main")
    assert payload in tips.text
    assert not tips.select("script, iframe, object, embed, svg[onload], img[onerror]")


def test_there_are_at_least_fifty_payloads():
    assert len(set(PAYLOADS)) >= 50


def test_an_examples_own_page_links_only_plain_web_addresses(client):
    example = PracticeExampleFactory()
    PracticeExample.objects.filter(pk=example.pk).update(
        website="javascript:alert(1)", contact_url="https://evil.example\\@example.com/"
    )

    page = client.get(example.get_absolute_url())

    hrefs = [link["href"] for link in select(page, "main a[href]")]
    assert not [href for href in hrefs if "javascript" in href or "evil" in href]


def test_a_shared_example_with_a_tricky_website_is_refused():
    submission = ExampleSubmissionFactory(website="https://evil.example\\@example.com/")

    with pytest.raises(ValidationError) as error:
        submission.full_clean()

    assert "website" in error.value.message_dict
