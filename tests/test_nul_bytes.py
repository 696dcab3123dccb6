"""A NUL byte (%00) in a public query string is a styled 400, never a 500.

PostgreSQL refuses a NUL in a query parameter ("A string literal cannot contain NUL (0x00)
characters"), SQLite does not: a view that passed a NUL on to the database was a 500 on
PostgreSQL only. Run these on both (README, Tests).
"""

import re

import pytest
from pytest_django.asserts import assertContains

from pages.models import SitePage
from tests.factories import (
    DividingLineFactory,
    GuidanceFactory,
    ParticipantRoleFactory,
    PhaseFactory,
    PracticeExampleFactory,
    PublicationFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
    SettingFactory,
)
from tests.html import select_one
from tests.wijkscan.short_codes import fit_answer_ids_in_short_codes
from wijkscan import shortlinks
from wijkscan.models import ScanAnswer

pytestmark = pytest.mark.django_db

STYLED_400 = "We konden dit verzoek niet verwerken"
STYLED_400_EN = "We could not understand this request"

# Every public page that reads its query string, with the parameters it reads and a valid value
# for each; pages that read none are walked with an unknown parameter only. {code}, {manage},
# {participant} and {edit} are filled in from the content below.
PAGES = [
    ("/", {}),
    ("/en/", {}),
    ("/verbinden/in-rust/", {}),
    ("/verbinden/in-rust/elkaar-helpen/", {}),
    ("/bindingsladder/", {}),
    (
        "/voorbeelden/",
        {
            "q": "buurt",
            "fase": "in-rust",
            "activiteit": "elkaar-helpen",
            "groep": "jong-en-oud",
            "omgeving": "buurthuis",
            "soort": "local",
            "pagina": "1",
        },
    ),
    ("/en/voorbeelden/", {"q": "buurt", "fase": "in-rust", "pagina": "1"}),
    ("/voorbeelden/buurtsoep/", {}),
    ("/voorbeelden/delen/", {}),
    ("/bibliotheek/", {}),
    ("/bibliotheek/waarom-contact-werkt/", {}),
    ("/wijkscan/", {"contact": "rustig", "sfeer": "rustig", "wijk": "Oost", "datum": "2026-11-22"}),
    ("/wijkscan/", {"stap": "2", "contact": "rustig"}),
    (
        "/wijkscan/resultaat/",
        {
            "contact": "rustig",
            "sfeer": "rustig",
            "wijk": "Oost",
            "datum": "2026-11-22",
        },
    ),
    ("/en/wijkscan/resultaat/", {"contact": "rustig", "sfeer": "rustig"}),
    ("/wijkscan/r/{code}/", {"wijk": "Oost", "datum": "2026-11-22"}),
    ("/zoeken/", {"q": "buurt"}),
    ("/en/zoeken/", {"q": "buurt"}),
    ("/buurtoverleg/", {}),
    ("{participant}", {"stap": "2", "contact": "rustig"}),
    ("{participant}afronden/", {"contact": "rustig", "sfeer": "rustig"}),
    ("{participant}plan/", {}),
    ("{edit}", {"opgeslagen": "1"}),
    ("{manage}", {}),
    ("{manage}afspraken/", {}),
    ("{manage}plan/", {}),
    ("/open-data/", {}),
    ("/open-data/examples.json", {}),
    ("/open-data/guidance.csv", {}),
    ("/over/", {}),
]


def _cases():
    """(page, query) pairs: a NUL in each parameter the page reads, alone and after a valid
    value, the other parameters valid; and a NUL in an unknown parameter's value and name."""
    for path, parameters in PAGES:
        for name in parameters:
            for nul in ("%00", f"{parameters[name]}%00"):
                query = "&".join(
                    f"{key}={nul if key == name else value}" for key, value in parameters.items()
                )
                yield pytest.param(path, query, id=f"{path}?{query}")
        valid = "&".join(f"{key}={value}" for key, value in parameters.items())
        for unknown in ("onbekend=%00", "%00=1", "on%00bekend=1"):
            query = f"{valid}&{unknown}" if valid else unknown
            yield pytest.param(path, query, id=f"{path}?{query}")


@pytest.fixture
def content(client):
    """One of everything a public page shows; returns the paths of the buurtoverleg's links."""
    fit_answer_ids_in_short_codes()
    calm = PhaseFactory(slug="in-rust", name_nl="Rust")
    guidance = GuidanceFactory(phase=calm, activity_type__slug="elkaar-helpen")
    DividingLineFactory(slug="jong-en-oud")
    SettingFactory(slug="buurthuis")
    PracticeExampleFactory(slug="buurtsoep", name="Buurtsoep", guidances=[guidance])
    guidance.sources.add(PublicationFactory(slug="waarom-contact-werkt"))
    for slug in ("contact", "sfeer"):
        question = ScanQuestionFactory(slug=slug)
        ScanAnswerFactory(question=question, slug="rustig", weights={calm: 3})
        ScanAnswerFactory(question=question, slug="weet-niet")
    SitePage.objects.create(slug="over", title_nl="Over", body_nl="Over de Wijkverbinder.")
    role = ParticipantRoleFactory()

    manage = client.post("/buurtoverleg/nieuw/", {"name": "Overvecht"})["Location"]
    created = client.get(manage).content.decode()
    participant = re.search(r"(/buurtoverleg/d/[A-Za-z0-9_-]{43}/)", created).group(1)
    sent = client.post(participant, {"contact": "rustig", "sfeer": "rustig", "role": role.pk})
    code = "".join(
        shortlinks.encode([(None, answer)])
        for answer in ScanAnswer.objects.filter(slug="rustig").order_by("question__position")
    )
    return {
        "code": code,
        "manage": manage,
        "participant": participant,
        "edit": sent["Location"].split("?")[0],
    }


@pytest.mark.parametrize(("page", "query"), list(_cases()))
def test_a_nul_in_any_public_query_string_never_gets_a_server_error(client, content, page, query):
    client.raise_request_exception = False

    response = client.get(f"{page.format(**content)}?{query}")

    assert response.status_code in (200, 301, 302, 400)
    is_page = response.status_code == 200 and response["Content-Type"].startswith("text/html")
    if response.status_code == 400 or is_page:
        assertContains(response, '<link rel="stylesheet"', status_code=response.status_code)


@pytest.mark.parametrize(("page", "query"), list(_cases()))
def test_a_nul_in_any_public_query_string_gets_the_styled_400(client, content, page, query):
    response = client.get(f"{page.format(**content)}?{query}")

    words = STYLED_400_EN if page.startswith("/en/") else STYLED_400
    assertContains(response, words, status_code=400)


def test_the_400_for_a_nul_is_in_the_pages_language(client, content):
    response = client.get("/en/wijkscan/?sfeer=%00")

    assertContains(response, STYLED_400_EN, status_code=400)
    assertContains(response, '<html lang="en">', status_code=400)


def test_htmx_gets_the_400_for_a_nul_too(client, content):
    response = client.get("/voorbeelden/?q=%00", headers={"HX-Request": "true"})

    assertContains(response, STYLED_400, status_code=400)


def test_a_nul_sent_unencoded_is_a_400_too(client, content):
    response = client.get("/wijkscan/", QUERY_STRING="sfeer=\x00")

    assertContains(response, STYLED_400, status_code=400)


@pytest.mark.parametrize("query", ["q=%2500", "q=100%25", "q=0"])
def test_an_encoded_percent_sign_or_a_zero_is_no_nul(client, content, query):
    response = client.get(f"/zoeken/?{query}")

    assert response.status_code == 200


def test_the_language_switcher_on_the_400_for_a_nul_leads_to_the_page_without_it(client, content):
    response = client.get("/wijkscan/?sfeer=%00")

    switcher = select_one(response, "#language-switcher")
    assert [link["href"] for link in switcher.select("a")] == ["/wijkscan/", "/en/wijkscan/"]
