"""Every public page works on a gemeente's host as on the national one, and no page of one layer
ever shows another's: not its contacts, not its look, not through the page cache or an ETag."""

import pytest
from django.core.management import call_command

from activities.models import Guidance
from contacts.models import Contact
from examples.models import PracticeExample
from gemeenten.models import Gemeente, Host
from phases.models import Phase
from tests.html import select
from tests.pagecache.test_every_public_view import VARIANTS, addresses

pytestmark = pytest.mark.django_db

UTRECHT = "wijkverbinder.utrecht.example"
ZWOLLE = "zwolle.wijkverbinder.example"


@pytest.fixture
def layers(db):
    call_command("seed", verbosity=0)
    utrecht = Gemeente.objects.create(name="Utrecht", slug="utrecht", theme="den-haag")
    Host.objects.create(gemeente=utrecht, name=UTRECHT)
    zwolle = Gemeente.objects.create(name="Zwolle", slug="zwolle")
    Host.objects.create(gemeente=zwolle, name=ZWOLLE)
    contact = Contact.objects.create(
        gemeente=utrecht,
        name_nl="Alleen-in-Utrecht buurtbemiddeling",
        name_en="Only-in-Utrecht mediation",
        description_nl="Lokaal.",
        description_en="Local.",
    )
    contact.phases.set(Phase.objects.all())
    example = PracticeExample.objects.create(
        slug="utrechts-buurtvoorbeeld",
        name="Utrechts-buurtvoorbeeld",
        description_nl="Een voorbeeld van Utrecht zelf, over tuin en buurt.",
        gemeente=utrecht,
        is_published=True,
    )
    example.guidances.set(Guidance.objects.published())


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_public_page_answers_alike_on_every_host_and_keeps_its_layer(
    layers, client, language
):
    leaks = []
    for address in addresses():
        for variant, headers in VARIANTS.items():
            answers = {
                host: client.get(language + address, headers={**headers, "Host": host})
                for host in (UTRECHT, "testserver", ZWOLLE, UTRECHT)
            }
            statuses = {host: response.status_code for host, response in answers.items()}
            assert len(set(statuses.values())) == 1, (address, variant, statuses)
            for host, response in answers.items():
                body = response.content.decode()
                if host != UTRECHT and ("Alleen-in-Utrecht" in body or "Only-in-Utrecht" in body):
                    leaks.append(f"{host}{language}{address} ({variant}): a contact of Utrecht")
                if host == ZWOLLE and "Utrechts-buurtvoorbeeld" in body:
                    leaks.append(f"{host}{language}{address} ({variant}): Utrecht's example")
                if host != UTRECHT and "themes/den-haag.css" in body:
                    leaks.append(f"{host}{language}{address} ({variant}): Utrecht's look")
                etag = response.get("ETag")
                if etag and host != UTRECHT and etag == answers[UTRECHT].get("ETag"):
                    leaks.append(f"{host}{language}{address} ({variant}): Utrecht's ETag")

    assert leaks == []


def test_links_and_the_sitemap_name_the_host_they_were_asked_on(layers, client):
    phase = Phase.objects.get(slug="bij-spanningen")

    page = client.get(phase.get_absolute_url(), headers={"Host": UTRECHT})
    sitemap = client.get("/sitemap.xml", headers={"Host": UTRECHT}).content.decode()

    canonical = select(page, 'link[rel="canonical"]')[0]["href"]
    assert canonical.startswith(f"http://{UTRECHT}/")
    assert f"http://{UTRECHT}/verbinden/" in sitemap
    assert "testserver" not in sitemap
    assert "Alleen-in-Utrecht" in page.content.decode()
