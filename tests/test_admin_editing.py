"""Editing in the admin: truthful history in plain Dutch, compact tips, the scan's points grid."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from tests.factories import (
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
)
from wijkscan.models import ScanWeight

pytestmark = pytest.mark.django_db


def submitted(response):
    """The data a browser would send for the form as shown, line breaks as browsers send them."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("#content-main form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "")
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n").replace("\n", "\r\n")
        elif field.name == "select":
            chosen = field.select("option[selected]")
            values = [option.get("value", "") for option in chosen]
            data[name] = values if field.has_attr("multiple") else (values[0] if values else "")
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif kind not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def guidance():
    guidance = GuidanceFactory(
        introduction_nl="Eerste alinea.\n\nTweede alinea.",
        introduction_en="First paragraph.\n\nSecond paragraph.",
        tips=2,
    )
    PracticeExampleFactory(name="Beter Buren", guidances=[guidance])
    return guidance


def test_saving_a_guidance_unchanged_logs_no_change(admin_client, guidance):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    data = submitted(admin_client.get(url))
    assert "\r\n" in data["introduction_nl"]

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert not LogEntry.objects.exists()
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Eerste alinea.\n\nTweede alinea."


def test_a_real_change_is_logged_with_dutch_field_names(admin_client, guidance):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    data = submitted(admin_client.get(url))
    del data["is_published"]
    data["introduction_en"] = "A new first paragraph."

    admin_client.post(url, data)

    entry = LogEntry.objects.get()
    with translation.override("nl"):
        message = entry.get_change_message()
    assert "Gepubliceerd" in message
    assert "Published" not in message
    history = admin_client.get(reverse("admin:activities_guidance_history", args=[guidance.pk]))
    assertContains(history, "Gepubliceerd")


def test_the_examples_inline_names_each_link_plainly(admin_client, guidance):
    response = admin_client.get(reverse("admin:activities_guidance_change", args=[guidance.pk]))

    inline = BeautifulSoup(response.content, "html.parser").select_one(
        "#PracticeExample_guidances-group"
    )
    assert "object (" not in inline.text
    assert f"Beter Buren · {guidance}" in inline.text
    assert "Praktijkvoorbeeld" in inline.select_one("thead").text


def test_each_tip_shows_its_dutch_text_above_its_english(admin_client, guidance):
    response = admin_client.get(reverse("admin:activities_guidance_change", args=[guidance.pk]))

    tip = BeautifulSoup(response.content, "html.parser").select_one("#tips-0")
    fields = [area["name"] for area in tip.select("textarea")]
    assert fields == ["tips-0-text_nl", "tips-0-text_en"]
    # Without field-sizing (the CSS grows them with their text) a box still shows four lines.
    assert tip.select_one('textarea[name="tips-0-text_nl"]')["rows"] == "4"
    assertContains(response, "/static/css/admin.css")


@pytest.fixture
def scan_question():
    phases = [PhaseFactory(position=n, slug=f"fase-{n}", name_nl=f"Fase {n}") for n in (1, 2, 3)]
    question = ScanQuestionFactory(slug="sfeer")
    answer = ScanAnswerFactory(question=question, slug="prettig", weights={phases[0]: 3})
    return question, answer, phases


def test_the_scan_question_form_is_a_grid_of_answers_and_points_per_phase(
    admin_client, scan_question
):
    question, answer, phases = scan_question
    url = reverse("admin:wijkscan_scanquestion_change", args=[question.pk])
    form = admin_client.get(url)
    headers = [
        th.text.strip()
        for th in BeautifulSoup(form.content, "html.parser").select("#answers-group thead th")
    ]
    assert {"Fase 1", "Fase 2", "Fase 3"} <= set(headers)
    data = submitted(form)
    assert data[f"answers-0-points_{phases[0].pk}"] == "3"

    data[f"answers-0-points_{phases[0].pk}"] = ""
    data[f"answers-0-points_{phases[2].pk}"] = "5"
    response = admin_client.post(url, data)

    assert response.status_code == 302
    weights = {(w.phase_id, w.points) for w in ScanWeight.objects.filter(answer=answer)}
    assert weights == {(phases[2].pk, 5)}


def test_points_outside_one_to_five_are_refused(admin_client, scan_question):
    question, answer, phases = scan_question
    url = reverse("admin:wijkscan_scanquestion_change", args=[question.pk])
    data = submitted(admin_client.get(url))
    data[f"answers-0-points_{phases[1].pk}"] = "9"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert ScanWeight.objects.filter(answer=answer).count() == 1


def test_djangos_own_admin_strings_are_dutch(admin_client):
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "- Kies een optie -"
    catalogue = admin_client.get(reverse("admin:jsi18n")).content.decode()
    assert "Let op: tijden gelden in de tijdzone" in catalogue
