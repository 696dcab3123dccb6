"""The files that make this public code: publiccode.yml valid against the standard's schema and
true to the code, and the licence, contributing, security and changelog files beside it."""

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SCHEMA = ROOT / "docs" / "publiccode" / "publiccode.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text())


def test_publiccode_yml_is_valid_against_the_standards_schema(validator, publiccode):
    errors = [
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(publiccode)
    ]

    assert errors == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda code: code.pop("legal"),
        lambda code: code.update(developmentStatus="finished"),
        lambda code: code["description"]["nl"].update(shortDescription="x" * 151),
        lambda code: code["description"]["en"].update(longDescription="Too short."),
    ],
    ids=["no legal", "unknown status", "long short description", "short long description"],
)
def test_the_schema_check_fails_on_a_broken_publiccode_yml(validator, publiccode, breakage):
    breakage(publiccode)

    assert list(validator.iter_errors(publiccode))


def test_publiccode_yml_describes_the_software_in_dutch_and_english(publiccode):
    assert set(publiccode["description"]) == {"nl", "en"}
    assert publiccode["localisation"]["availableLanguages"] == [
        code for code, _name in settings.LANGUAGES
    ]


def test_publiccode_yml_names_the_licence_in_LICENSE(publiccode):
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


def test_publiccode_yml_names_the_python_and_postgresql_the_code_needs(publiccode):
    needs = {item["name"]: item for item in publiccode["dependsOn"]["open"]}
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())

    assert pyproject["project"]["requires-python"] == f">={needs['Python']['versionMin']}"
    assert needs["PostgreSQL"]["versionMin"] == "15"  # the oldest Django 6.1 supports
    assert needs["Redis"]["optional"] is True  # local memory without REDIS_URL


def test_security_md_matches_security_txt():
    text = (ROOT / "SECURITY.md").read_text()

    assert "/.well-known/security.txt" in text
    assert "DJANGO_SECURITY_CONTACT" in text
    assert "Preferred-Languages: nl, en" in text


def test_the_changelog_keeps_a_changelog_with_an_unreleased_section():
    text = (ROOT / "CHANGELOG.md").read_text()

    assert "https://keepachangelog.com/" in text
    assert re.search(r"^## \[Unreleased\]$", text, re.MULTILINE)


@pytest.mark.parametrize(
    "name", ["CONTRIBUTING.md", "docs/standard-for-public-code.md", "docs/privacy/dpia-prescan.md"]
)
def test_the_public_code_documents_exist(name):
    assert len((ROOT / name).read_text()) > 1000
