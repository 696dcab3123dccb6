"""Every dependency's licence, read from its own package metadata, allows the project's EUPL-1.2
(tools/licences.py); every third-party file in the repository has its licence file beside it."""

from email.message import Message
from pathlib import Path

import pytest
from django.conf import settings

from tools import licences

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def report():
    return licences.report()


def test_every_dependency_and_vendored_file_has_an_allowed_licence(report):
    refused = [f"{row['name']}: {row['licence']} ({row['source']})" for row in report]
    refused = [line for line, row in zip(refused, report, strict=True) if not row["ok"]]

    assert refused == []


def test_the_list_holds_the_runtime_and_test_requirements_and_what_they_need(report):
    groups = {row["name"].lower(): row["group"] for row in report}

    assert groups["django"] == "runtime"
    assert groups["weasyprint"] == "runtime"
    assert groups["psycopg-binary"] == "runtime"  # from the [binary] extra
    assert groups["sqlparse"] == "runtime"  # Django's own requirement
    assert groups["pytest"] == "test"
    assert groups["jsonschema"] == "test"
    assert groups["static/vendor/htmx-2.0.10.min.js"] == "vendored"
    assert groups["axe_playwright_python/axe.min.js"] == "bundled"
    assert "wijkverbinder" not in groups


@pytest.mark.parametrize(
    ("expression", "ok"),
    [
        ("MIT", True),
        ("Apache-2.0 OR BSD-2-Clause", True),
        ("MIT AND PSF-2.0", True),
        ("LGPL-3.0-only", True),
        ("GPL-2.0-or-later OR LGPL-2.0-or-later OR MPL-1.1", True),
        ("GPL-3.0-only", False),
        ("AGPL-3.0-or-later", False),
        ("MIT AND GPL-3.0-only", False),
        ("SSPL-1.0", False),
        ("Proprietary", False),
        ("", False),
    ],
)
def test_the_allow_list_takes_a_choice_of_licences_and_refuses_copyleft_and_unknown(expression, ok):
    assert licences.allowed(expression) is ok


class FakeDistribution:
    def __init__(self, **fields):
        self.metadata = Message()
        self.metadata["Name"] = "some-package"
        for key, values in fields.items():
            for value in values if isinstance(values, list) else [values]:
                self.metadata[key.replace("_", "-")] = value


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License_Expression": "Apache-2.0", "License": "BSD"}, "Apache-2.0"),
        ({"License": "MIT License"}, "MIT"),
        ({"Classifier": ["License :: OSI Approved :: BSD License"]}, "BSD"),
        ({"License": "A" * 200, "Classifier": ["License :: OSI Approved :: MIT License"]}, "MIT"),
        ({}, ""),
    ],
)
def test_the_licence_is_read_from_the_expression_then_the_field_then_the_classifiers(
    fields, expected
):
    assert licences.declared_licence(FakeDistribution(**fields))[0] == expected


def test_a_package_that_declares_no_licence_is_refused():
    expression, _ = licences.declared_licence(FakeDistribution())

    assert not licences.allowed(expression)


def test_every_vendored_file_is_listed_with_its_licence_file():
    vendored = {item["file"] for item in licences.VENDORED}
    licence_files = {item["licence_file"] for item in licences.VENDORED}

    for path in (ROOT / "static" / "vendor").rglob("*"):
        if path.is_dir():
            continue
        name = str(path.relative_to(ROOT))
        assert name in vendored | licence_files, f"{name} is not in tools/licences.py VENDORED"
    for item in licences.VENDORED:
        assert (ROOT / item["licence_file"]).read_text().strip(), item["licence_file"]


def test_the_project_licence_is_the_eupl_1_2():
    text = (ROOT / "LICENSE").read_text()

    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert "Compatible Licences\u2019 according to Article 5 EUPL are:" in text
