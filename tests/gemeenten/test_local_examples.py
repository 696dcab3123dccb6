"""Local examples: first on their gemeente's host with a badge, named on the national site, never
on another gemeente's host; shares made on a host go to that gemeente's editors."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from examples import moderation
from examples.models import ExampleSubmission
from tests.examples.test_submission import SUBMIT, _data
from tests.factories import (
    ActivityTypeFactory,
    GemeenteFactory,
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
)
from tests.html import select, select_one

pytestmark = pytest.mark.django_db

UTRECHT = "utrecht.wijkverbinder.example"
ZWOLLE = "zwolle.wijkverbinder.example"


@pytest.fixture
def layer():
    guidance = GuidanceFactory(
        phase=PhaseFactory(slug="in-rust", name_nl="Rust"),
        activity_type=ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen"),
    )
    utrecht = GemeenteFactory(slug="utrecht", name="Utrecht")
    zwolle = GemeenteFactory(slug="zwolle", name="Zwolle")
    return {
        "guidance": guidance,
        "utrecht": utrecht,
        "zwolle": zwolle,
        "national": PracticeExampleFactory(name="Aa landelijk", guidances=[guidance]),
        "own": PracticeExampleFactory(name="Zz Utrechts", gemeente=utrecht, guidances=[guidance]),
        "other": PracticeExampleFactory(name="Mm Zwols", gemeente=zwolle, guidances=[guidance]),
    }


def _names(response, selector=".example-card__name a"):
    return [link.get_text() for link in select(response, selector)]


def test_a_gemeentes_host_lists_its_own_first_and_never_anothers(client, layer):
    local = client.get(reverse("examples:list"), headers={"Host": UTRECHT})
    national = client.get(reverse("examples:list"))

    assert _names(local) == ["Zz Utrechts", "Aa landelijk"]
    assert _names(national) == ["Aa landelijk", "Mm Zwols", "Zz Utrechts"]
    badges = [badge.get_text() for badge in select(national, ".badge--gemeente")]
    assert badges == ["Uit Zwolle", "Uit Utrecht"]
    assert select_one(local, ".example-card .badge--gemeente").get_text() == "Uit Utrecht"


def test_another_gemeentes_example_is_a_404_on_this_host(client, layer):
    other = layer["other"].get_absolute_url()

    assert client.get(other, headers={"Host": UTRECHT}).status_code == 404
    assert client.get(other, headers={"Host": ZWOLLE}).status_code == 200
    assert client.get(other).status_code == 200


def test_the_activity_page_counts_and_shows_only_this_layers_examples(client, layer):
    page = client.get(layer["guidance"].get_absolute_url(), headers={"Host": UTRECHT})

    names = [link.get_text() for link in select(page, ".examples .example h3 a")]
    assert names == ["Zz Utrechts", "Aa landelijk"]
    assert "Alle 2 voorbeelden" in select_one(page, ".examples__more").get_text()


def test_search_sitemap_and_open_data_keep_to_the_layer(client, layer):
    other_path = layer["other"].get_absolute_url()

    found = client.get(reverse("search:search") + "?q=voorbeeld", headers={"Host": UTRECHT})
    sitemap = client.get("/sitemap.xml", headers={"Host": UTRECHT}).content.decode()
    data = client.get(
        reverse("content:open_data_file", kwargs={"name": "examples", "fmt": "json"}),
        headers={"Host": UTRECHT},
    )

    assert "Mm Zwols" not in found.content.decode()
    assert "Zz Utrechts" in found.content.decode()
    assert other_path not in sitemap
    assert layer["own"].get_absolute_url() in sitemap
    rows = json.loads(data.content)
    assert {row["name"] for row in rows} == {"Aa landelijk", "Zz Utrechts"}
    assert {row["gemeente"] for row in rows} == {"", "Utrecht"}


def test_a_share_made_on_a_gemeentes_host_goes_to_its_editors_and_stays_local(client, layer):
    client.post(SUBMIT, _data(layer["guidance"]), headers={"Host": UTRECHT})
    submission = ExampleSubmission.objects.get()

    assert submission.gemeente == layer["utrecht"]
    example = moderation.approve(submission)
    assert example.gemeente == layer["utrecht"]


def test_a_gemeente_editor_sees_only_its_examples_and_shares(client, layer, django_user_model):
    client.post(SUBMIT, _data(layer["guidance"]), headers={"Host": ZWOLLE})
    call_command("createeditor", "ilse", gemeente="utrecht", interactive=False, verbosity=0)
    client.force_login(django_user_model.objects.get(username="ilse"))

    examples = client.get(reverse("admin:examples_practiceexample_changelist"))
    shares = client.get(reverse("admin:examples_examplesubmission_changelist"))
    other = client.get(reverse("admin:examples_practiceexample_change", args=[layer["other"].pk]))
    national = client.get(
        reverse("admin:examples_practiceexample_change", args=[layer["national"].pk])
    )

    assert list(examples.context["cl"].result_list) == [layer["own"]]
    assert list(shares.context["cl"].result_list) == []
    assert other.status_code == 404
    assert national.status_code == 404
