"""Editors order tips with arrows in the guidance form; it works without JavaScript."""

import pytest
from django.urls import reverse

from activities.models import Tip
from tests.admin_forms import form_data
from tests.factories import GuidanceFactory, TipFactory
from tests.html import select

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidance():
    guidance = GuidanceFactory(tips=0)
    for position, text in enumerate(["Eerste tip", "Tweede tip", "Derde tip"], 1):
        TipFactory(guidance=guidance, kind=Tip.Kind.WORKS, position=position, text_nl=text)
    return guidance


def _press_arrow(admin_client, guidance, value, **changes):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    data = form_data(admin_client.get(url)) | changes | {"_move_tip": value}
    return url, admin_client.post(url, data)


def _public_order(client, guidance):
    page = client.get(guidance.get_absolute_url())
    return [item.text.strip() for item in select(page, ".tips__list--works li")]


def test_an_arrow_moves_a_tip_up_and_returns_to_the_form(admin_client, client, guidance):
    third = guidance.tips.get(text_nl="Derde tip")

    url, response = _press_arrow(admin_client, guidance, f"{third.pk}:up")

    assert response.status_code == 302
    assert response["Location"] == url
    assert _public_order(client, guidance) == ["Eerste tip", "Derde tip", "Tweede tip"]


def test_an_arrow_also_saves_what_the_editor_typed(admin_client, client, guidance):
    first = guidance.tips.get(text_nl="Eerste tip")
    index = list(guidance.tips.order_by("position", "id")).index(first)

    _press_arrow(
        admin_client, guidance, f"{first.pk}:down", **{f"tips-{index}-text_nl": "Nieuwe eerste"}
    )

    assert _public_order(client, guidance) == ["Tweede tip", "Nieuwe eerste", "Derde tip"]


@pytest.mark.parametrize("value", ["999999:up", "abc", "1:sideways", ""])
def test_a_tampered_arrow_moves_nothing_and_breaks_nothing(admin_client, client, guidance, value):
    _url, response = _press_arrow(admin_client, guidance, value)

    assert response.status_code == 302
    assert _public_order(client, guidance) == ["Eerste tip", "Tweede tip", "Derde tip"]


def test_the_order_is_set_one_way_the_position_travels_hidden(admin_client, guidance):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    page = admin_client.get(url)

    positions = select(page, "input[name^=tips-][name$=-position]")
    assert positions
    assert all(field["type"] == "hidden" for field in positions)
    assert select(page, ".tip-inline .tip-move button")


def test_a_new_tip_goes_last(admin_client, client, guidance):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    data = form_data(admin_client.get(url)) | {
        "tips-3-kind": Tip.Kind.WORKS,
        "tips-3-text_nl": "Nieuwe tip",
        "tips-3-text_en": "New tip",
    }

    assert admin_client.post(url, data).status_code == 302

    assert _public_order(client, guidance) == [
        "Eerste tip",
        "Tweede tip",
        "Derde tip",
        "Nieuwe tip",
    ]


def test_the_change_note_sits_with_the_save_buttons(admin_client, guidance):
    page = admin_client.get(reverse("admin:activities_guidance_change", args=[guidance.pk]))

    save = select(page, ".edit-save")[0]
    assert save.select_one("input[name=revision_comment]")
    assert save.select_one(".submit-row input[name=_save]")
