"""A gemeente is a row: its host names serve the site with its layer, without a restart."""

import logging

import pytest
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains

from gemeenten.models import Host
from tests.factories import ContactFactory, GemeenteFactory, GuidanceFactory, PhaseFactory
from tests.html import select, select_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def tension():
    return PhaseFactory(slug="bij-spanningen", position=3)


def _contact_names(response):
    section = select_one(response, ".contacts")
    items = section.select("li.contact")
    return [item.select_one(".contact__name strong").get_text() for item in items]


def test_a_host_added_in_the_admin_serves_the_site_at_once(client, tension):
    utrecht = GemeenteFactory(name="Utrecht", host=None)

    assert client.get("/", headers={"Host": "wijkverbinder.utrecht.example"}).status_code == 400

    Host.objects.create(gemeente=utrecht, name="wijkverbinder.utrecht.example")

    response = client.get(
        tension.get_absolute_url(), headers={"Host": "wijkverbinder.utrecht.example"}
    )
    assert response.status_code == 200


def test_an_unknown_host_is_a_400_logged_like_djangos_own(client, caplog):
    GemeenteFactory()

    with caplog.at_level(logging.WARNING):
        response = client.get("/", headers={"Host": "evil.example"})

    assertContains(response, "We konden dit verzoek niet verwerken", status_code=400)
    assert [r for r in caplog.records if r.name == "django.security.DisallowedHost"]


def test_a_host_with_a_port_or_in_capitals_is_the_same_host(client, tension):
    GemeenteFactory(slug="utrecht")

    for host in ("UTRECHT.wijkverbinder.example", "utrecht.wijkverbinder.example:8443"):
        response = client.get(tension.get_absolute_url(), headers={"Host": host})
        assert response.status_code == 200, host


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (" Wijkverbinder.Utrecht.NL. ", "wijkverbinder.utrecht.nl"),
        ("wijkverbinder.zoetermeer.example", "wijkverbinder.zoetermeer.example"),
        ("bücherei.example", "xn--bcherei-n2a.example"),
    ],
)
def test_host_names_are_stored_lower_case_and_as_punycode(typed, stored):
    host = Host(gemeente=GemeenteFactory(host=None), name=typed)

    host.full_clean()

    assert host.name == stored


@pytest.mark.parametrize(
    "typed",
    ["https://utrecht.nl/", "utrecht.nl/pad", "localhost", "10.0.0.1", "-a.example", "a..example"],
)
def test_a_host_name_that_is_not_one_is_refused(typed):
    host = Host(gemeente=GemeenteFactory(host=None), name=typed)

    with pytest.raises(ValidationError):
        host.full_clean()


def test_the_national_hosts_cannot_be_given_to_a_gemeente(settings):
    settings.SITE_HOSTS = ["testserver", "wijkverbinder.example.nl"]
    host = Host(gemeente=GemeenteFactory(host=None), name="wijkverbinder.example.nl")

    with pytest.raises(ValidationError, match="landelijke site"):
        host.full_clean()


def test_a_gemeentes_contacts_show_on_its_host_first_and_nowhere_else(client, tension):
    utrecht = GemeenteFactory(slug="utrecht", name="Utrecht")
    GemeenteFactory(slug="zwolle", name="Zwolle")
    ContactFactory(phases=[tension], gemeente=utrecht, name_nl="Buurtbemiddeling Utrecht")
    ContactFactory(phases=[tension], name_nl="Politie, geen spoed", position=1)
    url = tension.get_absolute_url()

    national = client.get(url)
    local = client.get(url, headers={"Host": "utrecht.wijkverbinder.example"})
    other = client.get(url, headers={"Host": "zwolle.wijkverbinder.example"})

    assert _contact_names(national) == ["Politie, geen spoed"]
    assert _contact_names(local) == ["Buurtbemiddeling Utrecht", "Politie, geen spoed"]
    assert select_one(local, ".contacts h2").get_text() == "Wie kan helpen in Utrecht"
    assert _contact_names(other) == ["Politie, geen spoed"]
    # The page cache keys on the host: the national page, asked again, is still national.
    assert _contact_names(client.get(url)) == ["Politie, geen spoed"]


def test_contacts_show_only_on_the_phases_they_help_in(client, tension):
    calm = PhaseFactory(slug="in-rust", position=1)
    ContactFactory(phases=[tension], name_nl="Wijkagent")

    assert select(client.get(calm.get_absolute_url()), ".contacts") == []
    assert _contact_names(client.get(tension.get_absolute_url())) == ["Wijkagent"]


def test_the_activity_page_shows_the_phases_contacts_in_english_too(client, tension):
    guidance = GuidanceFactory(phase=tension)
    ContactFactory(phases=[tension], name_nl="Wijkagent", name_en="Community police officer")

    response = client.get("/en" + guidance.get_absolute_url())

    assert response.status_code == 200
    assert _contact_names(response) == ["Community police officer"]
    assert select_one(response, ".contacts h2").get_text() == "Who can help"


def test_a_contact_edit_shows_at_once(client, tension):
    contact = ContactFactory(phases=[tension], name_nl="Wijkagent")
    client.get(tension.get_absolute_url())

    contact.name_nl = "Wijkagent Noord"
    contact.save()

    assert _contact_names(client.get(tension.get_absolute_url())) == ["Wijkagent Noord"]
