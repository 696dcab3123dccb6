"""/open-data/ offers all published content as JSON and CSV, both languages, the site's URLs."""

import csv
import io
import json

import pytest
from pytest_django.asserts import assertContains

from tests.factories import (
    GuidanceFactory,
    PracticeExampleFactory,
    PublicationFactory,
    TipFactory,
)

pytestmark = pytest.mark.django_db

DATASETS = ["phases", "activity-types", "guidance", "examples", "publications"]


@pytest.fixture
def content():
    guidance = GuidanceFactory(phase__slug="in-rust", activity_type__slug="elkaar-helpen")
    guidance.sources.add(PublicationFactory(slug="bron"))
    PracticeExampleFactory(slug="voorbeeld", guidances=[guidance])
    return guidance


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_open_data_page_explains_the_licence_and_links_every_file(client, content, prefix):
    response = client.get(f"{prefix}/open-data/")

    assertContains(response, "CC BY 4.0")
    for name in DATASETS:
        for fmt in ("json", "csv"):
            assertContains(response, f'href="{prefix}/open-data/{name}.{fmt}"')


@pytest.mark.parametrize("name", DATASETS)
def test_each_json_file_is_valid_and_has_both_languages(client, content, name):
    response = client.get(f"/open-data/{name}.json")

    assert response["Content-Type"].startswith("application/json")
    rows = json.loads(response.content)
    assert rows
    keys = set(rows[0])
    assert any(key.endswith("_nl") for key in keys)
    assert any(key.endswith("_en") for key in keys)


@pytest.mark.parametrize("name", DATASETS)
def test_each_csv_file_parses_with_one_row_per_item(client, content, name):
    response = client.get(f"/open-data/{name}.csv")
    json_rows = json.loads(client.get(f"/open-data/{name}.json").content)

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert len(rows) == len(json_rows)
    assert rows[0]["slug" if "slug" in rows[0] else "phase"]


def test_guidance_carries_its_tips_and_the_site_urls_in_both_languages(client, content):
    (row,) = json.loads(client.get("/open-data/guidance.json").content)

    assert row["url_nl"] == "http://testserver/verbinden/in-rust/elkaar-helpen/"
    assert row["url_en"] == "http://testserver/en/verbinden/in-rust/elkaar-helpen/"
    assert {tip["kind"] for tip in row["tips"]} == {"works", "does_not_work"}
    assert row["tips"][0]["text_en"]
    assert row["sources"] == ["bron"]
    assert client.get(row["url_en"]).status_code == 200


def test_a_csv_cell_is_never_a_spreadsheet_formula(client):
    PublicationFactory(title='=HYPERLINK("https://evil.example")')

    body = client.get("/open-data/publications.csv").content.decode()

    assert ",=HYPERLINK" not in body
    assert "'=HYPERLINK" in body


def csv_rows(client, name):
    return list(csv.DictReader(io.StringIO(client.get(f"/open-data/{name}.csv").content.decode())))


# What a spreadsheet may run as a formula when a cell starts with it (OWASP's list).
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_a_csv_cell_starting_with_a_formula_character_gets_a_quote_in_front(client, start):
    PublicationFactory(slug="bron", title=f"{start}2+5+cmd|' /C calc'!A0")

    (row,) = csv_rows(client, "publications")

    assert row["title"] == f"'{start}2+5+cmd|' /C calc'!A0"


def test_a_csv_cell_starting_with_a_minus_is_neutralised(client):
    PracticeExampleFactory(slug="voorbeeld", organisation="-1+1|calc")

    (row,) = csv_rows(client, "examples")

    assert row["organisation"] == "'-1+1|calc"


def test_a_tip_starting_with_a_formula_character_is_neutralised_in_the_guidance_csv(client):
    guidance = GuidanceFactory(tips=0)
    TipFactory(guidance=guidance, kind="works", text_nl="@SUM(1+1)*cmd|' /C calc'!A0")

    (row,) = csv_rows(client, "guidance")

    assert row["tips_works_nl"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


def test_a_csv_cell_with_a_formula_character_further_in_is_kept_as_it_is(client):
    PublicationFactory(slug="bron", title="Samen-leven = 1 + 1 @ de buurt")

    (row,) = csv_rows(client, "publications")

    assert row["title"] == "Samen-leven = 1 + 1 @ de buurt"


def test_an_unknown_data_set_is_a_404(client):
    assert client.get("/open-data/users.json").status_code == 404
    assert client.get("/open-data/guidance.xml").status_code == 404


def open_data(client, name, fmt):
    """The data set's rows as parsed from the JSON or the CSV file."""
    if fmt == "json":
        return json.loads(client.get(f"/open-data/{name}.json").content)
    return csv_rows(client, name)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unpublished_guidance_is_left_out_of_open_data(client, fmt):
    GuidanceFactory(activity_type__slug="zichtbaar")
    GuidanceFactory(activity_type__slug="concept", unpublished=True)

    rows = open_data(client, "guidance", fmt)

    assert [row["activity_type"] for row in rows] == ["zichtbaar"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unpublished_example_is_left_out_of_open_data(client, fmt):
    PracticeExampleFactory(slug="zichtbaar")
    PracticeExampleFactory(slug="concept", draft=True)

    rows = open_data(client, "examples", fmt)

    assert [row["slug"] for row in rows] == ["zichtbaar"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unpublished_publication_is_left_out_of_open_data(client, fmt):
    PublicationFactory(slug="zichtbaar")
    PublicationFactory(slug="concept", draft=True)

    rows = open_data(client, "publications", fmt)

    assert [row["slug"] for row in rows] == ["zichtbaar"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unpublished_source_is_left_out_of_a_guidance_row(client, fmt):
    guidance = GuidanceFactory()
    guidance.sources.add(
        PublicationFactory(slug="zichtbaar"), PublicationFactory(slug="concept", draft=True)
    )

    (row,) = open_data(client, "guidance", fmt)

    assert row["sources"] in (["zichtbaar"], "zichtbaar")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unpublished_guidance_is_left_out_of_an_example_row(client, fmt):
    shown = GuidanceFactory(phase__slug="in-rust", activity_type__slug="zichtbaar")
    hidden = GuidanceFactory(phase__slug="in-rust", activity_type__slug="concept", unpublished=True)
    PracticeExampleFactory(slug="voorbeeld", guidances=[shown, hidden])

    (row,) = open_data(client, "examples", fmt)

    assert row["guidance"] in (["in-rust/zichtbaar"], "in-rust/zichtbaar")


def test_no_open_data_file_names_a_draft_anywhere(client):
    shown = GuidanceFactory(phase__slug="in-rust", activity_type__slug="zichtbaar")
    draft_guidance = GuidanceFactory(
        phase__slug="bij-ongemak",
        activity_type=shown.activity_type,
        introduction_nl="Conceptinleiding",
        unpublished=True,
    )
    TipFactory(guidance=draft_guidance, text_nl="Concepttip", text_en="Draft tip")
    draft_source = PublicationFactory(slug="conceptbron", title="Conceptbron", draft=True)
    shown.sources.add(draft_source)
    draft_guidance.sources.add(draft_source)
    PracticeExampleFactory(slug="conceptvoorbeeld", name="Conceptvoorbeeld", draft=True)
    PracticeExampleFactory(slug="voorbeeld", guidances=[shown, draft_guidance])

    for name in DATASETS:
        for fmt in ("json", "csv"):
            body = client.get(f"/open-data/{name}.{fmt}").content.decode()
            for word in ("oncept", "Draft tip", "bij-ongemak/zichtbaar"):
                assert word not in body, f"{name}.{fmt} names a draft: {word}"
