"""The plan as a PDF: its text read back with pypdf, its QR codes decoded from the rendered page,
its tags (PDF/UA-1) checked, and rendered once per change of the plan."""

import datetime
import io
from unittest import mock

import pypdf
import pypdfium2
import pytest
import zxingcpp

from buurtoverleg import pdf as plan_pdf
from buurtoverleg.models import Overleg
from tests.buurtoverleg.conftest import answer
from tests.buurtoverleg.test_views import _plan_ready
from tests.factories import GuidanceFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 4)


def _text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def pdf(client, overleg, scan, roles):
    answer(client, overleg["participant"], roles[0])
    answer(client, overleg["participant"], roles[0])
    answer(client, overleg["participant"], roles[1])
    client.post(overleg["manage"] + "datum/", {"meeting_date": "2027-03-01"})
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
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.get(overleg["manage"] + "plan.pdf")
    return {"response": response, "guidances": [guidance, second], "overleg": overleg}


def test_the_plan_pdf_is_a_private_pdf(pdf):
    response = pdf["response"]

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_the_plan_pdf_is_downloaded_with_the_plans_name_and_the_print_date(pdf):
    disposition = pdf["response"]["Content-Disposition"]

    assert disposition == 'attachment; filename="plan-overvecht-noord-maart-2027-03-04.pdf"'


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Overvecht-Noord, maart", "plan-overvecht-noord-maart-2027-03-04.pdf"),
        ("Café “De Sluis” / Zuid", "plan-cafe-de-sluis-zuid-2027-03-04.pdf"),
        ("Ωμέγα", "plan-2027-03-04.pdf"),
        ('a"b\r\nContent-Type: x', "plan-ab-content-type-x-2027-03-04.pdf"),
        ("x" * 100, f"plan-{'x' * 60}-2027-03-04.pdf"),
    ],
)
def test_the_pdf_filename_is_ascii_and_safe_whatever_the_name(name, expected):
    filename = plan_pdf.filename(Overleg(name=name), TODAY)

    assert filename == expected
    assert filename.isascii()


def test_the_plan_pdf_is_tagged_with_its_language_and_title(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf["response"].content))
    catalog = reader.trailer["/Root"]

    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "nl"
    assert reader.metadata.title == "Plan · Overvecht-Noord, maart"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode()


def test_the_plan_pdf_shows_the_meeting_and_print_dates_and_the_roles_that_took_part(pdf):
    text = _text(pdf["response"].content)

    assert "Datum van het overleg: 1 maart 2027" in text
    assert "Afgedrukt op: 4 maart 2027" in text
    assert "Wie deden mee (ronde 1): Wijkagent (2), School (1)" in text


def test_the_plan_pdf_contains_the_plan_and_its_activities(pdf):
    text = _text(pdf["response"].content)

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


def test_the_pdf_is_rendered_once_per_change_of_the_plan(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    path = overleg["manage"] + "plan.pdf"

    with mock.patch.object(plan_pdf, "render", wraps=plan_pdf.render) as render:
        first = client.get(path)
        second = client.get(path)
        assert render.call_count == 1
        assert second.content == first.content

        client.post(
            overleg["manage"] + "afspraken/",
            {"agreed_phase": scan["tense"].pk, "places": "De markt"},
        )
        changed = client.get(path)
        english = client.get("/en" + path)
        assert render.call_count == 3

    assert "De markt" in _text(changed.content)
    assert "Plan of the buurtoverleg" in _text(english.content)


def test_a_new_day_prints_a_new_date(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    path = overleg["manage"] + "plan.pdf"

    with mock.patch.object(plan_pdf, "render", wraps=plan_pdf.render) as render:
        with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
            client.get(path)
        with mock.patch("django.utils.timezone.localdate", return_value=TODAY.replace(day=5)):
            later = client.get(path)

    assert render.call_count == 2
    assert "Afgedrukt op: 5 maart 2027" in _text(later.content)


def test_deleting_the_overleg_forgets_its_kept_pdf(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    client.get(overleg["manage"] + "plan.pdf")
    key = f"buurtoverleg-pdf:{overleg['object'].pk}:nl"
    assert plan_pdf._cache().get(key) is not None

    client.post(overleg["manage"] + "verwijderen/")

    assert plan_pdf._cache().get(key) is None


def test_a_cache_that_is_down_costs_a_rendering_never_the_pdf(client, overleg, scan):
    _plan_ready(client, overleg, scan)
    broken = mock.Mock(
        get=mock.Mock(side_effect=ConnectionError), set=mock.Mock(side_effect=ConnectionError)
    )

    with mock.patch.object(plan_pdf, "_cache", return_value=broken):
        response = client.get(overleg["manage"] + "plan.pdf")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
