"""Imports between the project's apps run one way: each app stands on the apps before it.

The order is INSTALLED_APPS (README, Architecture). Every import counts, also one inside a
function; no app imports the config package `wijkverbinder`.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FLOORS = [app for app in settings.INSTALLED_APPS if (ROOT / app / "__init__.py").exists()]
CONFIG_PACKAGE = "wijkverbinder"


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def upward_imports(app):
    allowed = set(FLOORS[: FLOORS.index(app) + 1])
    for path in sorted((ROOT / app).rglob("*.py")):
        for lineno, module in imported_modules(path):
            top = module.split(".")[0]
            if top == CONFIG_PACKAGE or (top in FLOORS and top not in allowed):
                yield f"{path.relative_to(ROOT)}:{lineno} imports {module}"


def test_the_floors_are_the_project_apps_in_their_agreed_order():
    assert FLOORS[:10] == [
        "core",
        "pagecache",
        "signin",
        "editing",
        "gemeenten",
        "pages",
        "phases",
        "contacts",
        "activities",
        "examples",
    ]
    assert FLOORS.index("library") < FLOORS.index("wijkscan") < FLOORS.index("content")
    assert FLOORS[-1] == "content"


@pytest.mark.parametrize("app", FLOORS)
def test_an_app_imports_only_the_apps_below_it(app):
    assert list(upward_imports(app)) == []


def test_an_import_hidden_in_a_function_is_found(tmp_path, monkeypatch):
    source = tmp_path / "probe.py"
    source.write_text("def f():\n    from content.gaps import find_content_gaps\n")

    assert list(imported_modules(source)) == [(2, "content.gaps")]
