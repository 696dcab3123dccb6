"""NL Design System component CSS: built from the vendored packages, current, licensed, and
without the rules no page can use (gemeenten/components.py)."""

from gemeenten import components
from tools import licences

USED = {"nl-button", "nl-button--primary"}


def test_the_built_component_stylesheet_is_current_and_names_every_package():
    css = components.stylesheet_path().read_text()

    assert css == components.build_css(), (
        "static/css/components.css is out of date: run manage.py buildthemes"
    )
    header = css.split("*/", 1)[0]
    for component in components.COMPONENTS:
        assert f"{component.package}@{component.version} (EUPL-1.2;" in header


def test_every_component_package_is_vendored_with_its_licence_in_the_licence_list():
    vendored = {item["file"]: item for item in licences.VENDORED}

    for component in components.COMPONENTS:
        item = vendored[f"static/{component.path}"]
        assert item["licence"] == component.licence
        assert item["licence_file"] == f"static/{component.folder}/LICENSE.md"
        assert f"{component.package}@{component.version}" in item["source"]


def test_a_rule_that_needs_a_class_no_page_uses_is_left_out():
    css = (
        ".nl-button{color:red}.nl-button:where(.nl-button--primary):hover{color:blue}"
        ".nl-button:where(.nl-button--pressed){color:green}"
        ".nl-button--pressed,.nl-button--primary{margin:0}"
    )

    assert components.prune(css, USED) == (
        ".nl-button{color:red}.nl-button:where(.nl-button--primary):hover{color:blue}"
        ".nl-button--primary{margin:0}"
    )


def test_a_class_named_only_in_not_does_not_drop_the_rule_and_media_blocks_are_pruned_inside():
    css = (
        ".nl-button:not(:has(>:where(.nl-button__label,.nl-button__icon))){display:inline-block}"
        "@media (forced-colors: active){.nl-button{color:ButtonText}.nl-button--busy{cursor:wait}}"
        "@media print{.nl-button--busy{cursor:wait}}"
    )

    assert components.prune(css, USED) == (
        ".nl-button:not(:has(>:where(.nl-button__label,.nl-button__icon))){display:inline-block}"
        "@media (forced-colors: active){.nl-button{color:ButtonText}}"
    )


def test_the_used_classes_are_read_from_the_templates_and_the_forms():
    used = components.used_classes()

    assert {"nl-button--secondary", "nl-skip-link", "utrecht-form-field"} <= used
    assert {"utrecht-textbox--html-input", "utrecht-textarea--html-textarea"} <= used
    assert "nl-button--pressed" not in used
