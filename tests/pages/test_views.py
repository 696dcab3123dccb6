"""The footer pages: who runs the site, contact, privacy, accessibility; in Dutch and English."""

from importlib.metadata import version

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from pages.checks import contact_configured
from pages.models import SitePage
from tests.factories import GuidanceFactory
from tests.html import hrefs, select, select_one
from tools import licences

pytestmark = pytest.mark.django_db

FOOTER_PAGES = ["/over/", "/contact/", "/privacy/", "/toegankelijkheid/", "/open-data/"]


@pytest.fixture
def site_pages():
    call_command("loaddata", "pages", verbosity=0)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_links_to_the_footer_pages_and_open_data_in_its_language(
    client, site_pages, prefix
):
    guidance = GuidanceFactory()

    for path in [f"{prefix}/", f"{prefix}{guidance.get_absolute_url()}", f"{prefix}/over/"]:
        footer = select_one(client.get(path), ".site-footer")
        assert hrefs(footer) == [f"{prefix}{page}" for page in FOOTER_PAGES], path


@pytest.mark.parametrize(
    ("path", "heading", "language"),
    [
        ("/over/", "Over de Wijkverbinder", "nl"),
        ("/en/over/", "About the Wijkverbinder", "en"),
        ("/privacy/", "Privacy", "nl"),
        ("/toegankelijkheid/", "Toegankelijkheidsverklaring", "nl"),
        ("/en/toegankelijkheid/", "Accessibility statement", "en"),
        ("/en/contact/", "Contact", "en"),
    ],
)
def test_footer_pages_answer_in_dutch_and_english(client, site_pages, path, heading, language):
    response = client.get(path)

    assert response.status_code == 200
    assert select_one(response, "main h1").text == heading
    assert select_one(response, "html")["lang"] == language
    assert len(select(response, "main .prose p")) >= 3


def test_the_current_footer_page_is_marked(client, site_pages):
    response = client.get("/privacy/")

    assert [a["href"] for a in select(response, ".footer-nav a[aria-current]")] == ["/privacy/"]


def test_the_privacy_page_says_what_is_and_is_not_stored(client, site_pages):
    text = select_one(client.get("/privacy/"), "main").text

    assert "geen cookies" in text.lower()
    assert "De wijkscan bewaart niets" in text
    assert "Wat een buurtoverleg bewaart:" in text
    assert "Deel jouw praktijkvoorbeeld\u2019 bewaart:" in text


def test_the_privacy_page_explains_why_not_to_write_about_people(client, site_pages):
    text = select_one(client.get("/en/privacy/"), "main").text

    assert "Write about groups, not about people." in text
    assert "religion, origin, health" in text
    assert "special categories of personal data" in text


def test_the_privacy_page_names_the_retention_the_code_applies(client, site_pages):
    from buurtoverleg.models import DEFAULT_RETENTION_DAYS
    from examples.management.commands.erasesubmissionemails import KEEP_DAYS

    text = select_one(client.get("/privacy/"), "main").text

    assert f"een jaar ({DEFAULT_RETENTION_DAYS} dagen) na de laatste wijziging" in text
    assert KEEP_DAYS in range(180, 186)  # "zes maanden"
    assert "zes maanden na hun besluit gewist" in text


def test_the_accessibility_statement_follows_the_model_with_its_evidence(client, site_pages):
    text = select_one(client.get("/toegankelijkheid/"), "main").text

    for part in [
        "Waar deze verklaring over gaat",
        "Nalevingsstatus: D \u2013 voldoet niet (nog)",
        "WCAG-EM",
        "Wat we wel hebben onderzocht",
        "in beide talen, op de breedte van een telefoon (375 pixels) en van een laptop (1280",
        "Bekende beperkingen",
        "Datum van deze verklaring: 1 december 2026",
        "Een probleem melden",
        "Nationale ombudsman",
    ]:
        assert part in text, part


def test_the_accessibility_statement_names_the_axe_core_the_tests_run(client, site_pages):
    """When axe-playwright-python brings a new axe-core, the statement must be checked again."""
    axe = next(row for row in licences.report() if row["group"] == "bundled")

    text = select_one(client.get("/toegankelijkheid/"), "main").text

    assert f"axe-core {axe['version']} " in text
    assert f"axe-playwright-python {version('axe-playwright-python')}" in text


def test_the_open_data_page_is_marked_current_in_the_footer(client):
    response = client.get("/en/open-data/")

    assert [a["href"] for a in select(response, ".footer-nav a[aria-current]")] == [
        "/en/open-data/"
    ]


def test_the_contact_page_shows_the_organisation_and_address_set_by_whoever_runs_the_site(
    client, site_pages, settings
):
    settings.CONTACT_ORGANISATION = "Gemeente Voorbeeldstad, team Wijkzaken"
    settings.CONTACT_EMAIL = "wijkverbinder@gemeente.example"

    contact = select_one(client.get("/contact/"), ".site-page__contact")

    assert "Deze site wordt beheerd door Gemeente Voorbeeldstad, team Wijkzaken." in contact.text
    assert hrefs(contact) == ["mailto:wijkverbinder@gemeente.example"]


def test_the_contact_page_says_what_to_contact_about(client, site_pages):
    text = select_one(client.get("/en/contact/"), "main .prose").text

    assert "a piece of advice is no longer right" in text
    assert "security.txt" in text
    assert "call 112" in text


def test_without_an_address_the_contact_page_names_the_security_contact(
    client, site_pages, settings
):
    settings.CONTACT_EMAIL = ""
    settings.SECURITY_CONTACT = ["beveiliging@gemeente.example", "https://gemeente.example/melden"]

    contact = select_one(client.get("/contact/"), ".site-page__contact")

    assert hrefs(contact) == [
        "/.well-known/security.txt",
        "mailto:beveiliging@gemeente.example",
        "https://gemeente.example/melden",
    ]
    assert "beveiliging@gemeente.example" in contact.text


def test_the_contact_page_never_shows_placeholder_copy(client, site_pages, settings):
    settings.CONTACT_EMAIL = ""
    settings.SECURITY_CONTACT = []

    text = select_one(client.get("/contact/"), "main").text.lower()

    for placeholder in ["nog niet ingesteld", "staat hieronder", "lorem", "todo", "example"]:
        assert placeholder not in text
    assert "Vraag het na bij de gemeente" in select_one(client.get("/contact/"), "main").text


def test_check_deploy_warns_when_the_site_names_no_contact(settings):
    settings.CONTACT_EMAIL = ""
    settings.SECURITY_CONTACT = []

    assert [warning.id for warning in contact_configured(None)] == ["pages.W001"]

    settings.SECURITY_CONTACT = ["beveiliging@gemeente.example"]
    assert contact_configured(None) == []


def test_page_text_is_plain_paragraphs_and_html_in_it_is_escaped(client):
    SitePage.objects.create(
        slug="over", title_nl="Over", body_nl="Eerste alinea.\n\n<script>alert(1)</script>"
    )

    response = client.get("/over/")

    assert len(select(response, "main .prose p")) == 2
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;")


def test_a_footer_page_without_its_text_is_a_404_and_other_slugs_do_not_match(client):
    assert client.get("/over/").status_code == 404
    assert client.get("/nergens/").status_code == 404


def test_footer_pages_set_no_cookies(client, site_pages):
    assert not client.get("/over/").cookies
