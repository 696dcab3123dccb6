"""The plan as a PDF: its text read back with pypdf, its QR codes decoded from the rendered page."""

import io

import pypdf
import pypdfium2
import pytest
import zxingcpp

from tests.buurtoverleg.test_views import _plan_ready
from tests.factories import GuidanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf(client, overleg, scan):
    guidance = _plan_ready(client, overleg, scan)
    second = GuidanceFactory(phase=scan["tense"])
    client.post(overleg["manage"] + "plan/kiezen/", {"guidances": [second.pk]})
    item = overleg["object"].plan_items.get(guidance=guidance)
    client.post(
        f"{overleg['manage']}plan/{item.pk}/",
        {
            "goal": "Elkaar leren kennen op het plein",
            "who": "Welzijn nodigt uit",
            "measure": "Twintig bewoners",
        },
    )
    response = client.get(overleg["manage"] + "plan.pdf")
    return {"response": response, "guidances": [guidance, second], "overleg": overleg}


def test_the_plan_pdf_is_a_private_pdf(pdf):
    response = pdf["response"]

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_the_plan_pdf_contains_the_plan_and_its_activities(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf["response"].content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    for expected in (
        "Overvecht-Noord, maart",
        "Oud en nieuw",
        "Het plein",
        "Elkaar leren kennen op het plein",
        "Welzijn nodigt uit",
        "Twintig bewoners",
        "Checklist",
    ):
        assert expected in text
    for guidance in pdf["guidances"]:
        assert guidance.activity_type.name_nl in text
        for tip in guidance.tips.all():
            assert tip.text_nl in text


def test_the_qr_codes_in_the_pdf_lead_to_the_plan_and_to_each_activity(pdf):
    document = pypdfium2.PdfDocument(pdf["response"].content)
    found = set()
    for page in document:
        image = page.render(scale=4).to_pil()
        found |= {barcode.text for barcode in zxingcpp.read_barcodes(image)}

    plan = f"http://testserver{pdf['overleg']['participant']}plan/"
    activities = {f"http://testserver{g.get_absolute_url()}" for g in pdf["guidances"]}
    assert found == {plan, *activities}
