"""exportcontent writes stable fixtures; seed --force never overwrites edits without a copy."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from activities.models import Guidance
from pages.models import SitePage
from phases.models import Phase
from tests.factories import (
    ContactFactory,
    GemeenteFactory,
    GuidanceFactory,
    ParticipantRoleFactory,
    PracticeExampleFactory,
    PublicationFactory,
    RelatedTermFactory,
    ScanAnswerFactory,
)

pytestmark = pytest.mark.django_db


def test_seed_force_writes_a_timestamped_export_first_and_says_where(settings, tmp_path, capsys):
    settings.BASE_DIR = tmp_path
    call_command("seed", verbosity=0)
    phase = Phase.objects.first()
    phase.headline_nl = "Een kop die een redacteur schreef"
    phase.save()

    call_command("seed", force=True, verbosity=0)

    (folder,) = (tmp_path / "exports").iterdir()
    assert folder.name.startswith("content-")
    assert str(folder) in capsys.readouterr().out
    exported = json.loads((folder / "phases.json").read_text())
    assert "Een kop die een redacteur schreef" in {row["fields"]["headline_nl"] for row in exported}
    phase.refresh_from_db()
    assert phase.headline_nl != "Een kop die een redacteur schreef"


def test_seed_without_force_leaves_edits_alone_and_writes_nothing(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    GuidanceFactory()

    call_command("seed", verbosity=0)

    assert not (tmp_path / "exports").exists()


def test_exportcontent_writes_one_file_per_app_in_a_stable_order(tmp_path):
    guidance = GuidanceFactory()
    PracticeExampleFactory(guidances=[guidance, GuidanceFactory()])

    call_command("exportcontent", output=str(tmp_path / "a"), verbosity=0)
    call_command("exportcontent", output=str(tmp_path / "b"), verbosity=0)

    for name in settings.CONTENT_MODELS:
        first = (tmp_path / "a" / f"{name}.json").read_text()
        assert first == (tmp_path / "b" / f"{name}.json").read_text()
        rows = json.loads(first)
        pks = [(row["model"], row["pk"]) for row in rows]
        assert pks == sorted(
            pks, key=lambda key: (settings.CONTENT_MODELS[name].index(key[0]), key[1])
        )
    example = json.loads((tmp_path / "a" / "examples.json").read_text())[0]
    assert example["fields"]["guidances"] == sorted(example["fields"]["guidances"])


def test_export_then_seed_into_an_empty_database_gives_the_same_pages(client, settings, tmp_path):
    guidance = GuidanceFactory(phase__slug="in-rust", activity_type__slug="elkaar-helpen")
    guidance.sources.add(PublicationFactory(slug="bron"))
    PracticeExampleFactory(guidances=[guidance])
    ScanAnswerFactory(question__slug="contact", slug="weinig", weights={guidance.phase: 3})
    ParticipantRoleFactory()
    ContactFactory(phases=[guidance.phase], gemeente=GemeenteFactory())
    ContactFactory(phases=[guidance.phase])
    RelatedTermFactory()
    SitePage.objects.create(slug="over", title_nl="Over", body_nl="Wie wij zijn.")
    paths = ["/over/", "/", guidance.get_absolute_url(), "/en" + guidance.get_absolute_url()]
    paths += ["/bibliotheek/", "/bibliotheek/bron/", guidance.phase.get_absolute_url()]
    paths += ["/wijkscan/", "/wijkscan/resultaat/?contact=weinig", "/open-data/guidance.json"]
    before = {path: client.get(path).content for path in paths}
    call_command("exportcontent", output=str(tmp_path), verbosity=0)

    for labels in reversed(settings.CONTENT_MODELS.values()):
        for label in reversed(labels):
            apps.get_model(label).objects.all().delete()
    assert not Guidance.objects.exists()
    settings.FIXTURE_DIRS = [tmp_path]
    call_command("seed", verbosity=0)

    assert {path: client.get(path).content for path in paths} == before
