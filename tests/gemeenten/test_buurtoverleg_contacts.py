"""A buurtoverleg started on a gemeente's host: its help box names that gemeente's contacts first,
on the overview, the agreements, the plan and in the PDF's text."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from buurtoverleg.models import Overleg, Response, ResponseAnswer
from buurtoverleg.tokens import new_token, token_hash
from contacts.models import Contact
from gemeenten.models import Gemeente, Host
from phases.models import Phase
from tests.html import select_one
from wijkscan.models import ScanQuestion

pytestmark = pytest.mark.django_db

UTRECHT = "utrecht.wijkverbinder.example"


@pytest.fixture
def started_in_utrecht(client):
    call_command("seed", verbosity=0)
    utrecht = Gemeente.objects.create(name="Utrecht", slug="utrecht")
    Host.objects.create(gemeente=utrecht, name=UTRECHT)
    contact = Contact.objects.create(
        gemeente=utrecht,
        name_nl="Team Sociale Stabiliteit Utrecht",
        description_nl="Voor spanningen en incidenten in de wijk.",
        phone="030 000 00 00",
    )
    contact.phases.set(Phase.objects.filter(slug="bij-incidenten"))
    response = client.post(
        reverse("buurtoverleg:create"), {"name": "Overvecht"}, headers={"Host": UTRECHT}
    )
    overleg = Overleg.objects.get()
    answer = Response.objects.create(
        overleg=overleg, round=overleg.current_round(), edit_token_hash=token_hash(new_token())
    )
    for question in ScanQuestion.objects.for_scan():
        choices = list(question.answers.all())
        chosen = next((a for a in choices if a.needs_urgent_help), choices[0])
        ResponseAnswer.objects.create(response=answer, question=question, answer=chosen)
    overleg.touch()
    return overleg, response["Location"]


def test_the_help_box_names_the_gemeentes_contacts_first(client, started_in_utrecht):
    overleg, manage = started_in_utrecht

    assert overleg.gemeente.slug == "utrecht"
    for path in (manage, f"{manage}afspraken/", f"{manage}plan/"):
        page = client.get(path, headers={"Host": UTRECHT})
        box = select_one(page, "#threats")
        names = [strong.get_text() for strong in box.select(".contact__name strong")]
        # The national numbers are in the help text itself; the box adds the gemeente's own.
        assert names == ["Team Sociale Stabiliteit Utrecht"], path
        assert "0900-8844" in box.get_text(), path

    document = client.get(f"{manage}plan.pdf", headers={"Host": UTRECHT})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.content)).pages)
    assert "Team Sociale Stabiliteit Utrecht" in text


@pytest.mark.parametrize("host", ["testserver", "nijmegen.wijkverbinder.example"])
def test_a_buurtoverleg_opens_only_on_its_own_gemeentes_hosts(client, started_in_utrecht, host):
    overleg, manage = started_in_utrecht
    nijmegen = Gemeente.objects.create(name="Nijmegen", slug="nijmegen")
    Host.objects.create(gemeente=nijmegen, name="nijmegen.wijkverbinder.example")
    Host.objects.create(gemeente=overleg.gemeente, name="wijkverbinder.utrecht.example")
    participate = reverse("buurtoverleg:participate", args=[overleg.participant_token])
    shared_plan = reverse("buurtoverleg:shared_plan", args=[overleg.participant_token])

    for path in (
        manage,
        f"{manage}afspraken/",
        f"{manage}plan/",
        f"{manage}plan.pdf",
        participate,
        shared_plan,
    ):
        page = client.get(path, headers={"Host": host})
        assert page.status_code == 404, path
        assert "Utrecht" not in page.content.decode(), path
        assert "Overvecht" not in page.content.decode(), path
        # On each of its own gemeente's hosts it opens.
        for own in (UTRECHT, "wijkverbinder.utrecht.example"):
            assert client.get(path, headers={"Host": own}).status_code == 200, (path, own)


def test_a_national_buurtoverleg_does_not_open_on_a_gemeentes_host(client, started_in_utrecht):
    response = client.post(reverse("buurtoverleg:create"), {"name": "Landelijk overleg"})
    manage = response["Location"]

    assert client.get(manage).status_code == 200
    page = client.get(manage, headers={"Host": UTRECHT})
    assert page.status_code == 404
    assert "Landelijk overleg" not in page.content.decode()
