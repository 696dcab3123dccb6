"""Themes from NL Design System tokens: built, current, readable, and only on their gemeente."""

import re

import pytest

from gemeenten import contrast as gemeenten_contrast
from gemeenten.themes import build_css, stylesheet_path, themes
from tests.factories import GemeenteFactory, PhaseFactory
from tests.html import select

SITE_DEFAULTS = {
    "--ink": "#1b1f24",
    "--paper": "#ffffff",
    "--link": "#0b5394",
    "--brand": "#1f3a5f",
}


def contrast(first, second):
    ratio = gemeenten_contrast.ratio(first, second)
    assert ratio is not None, f"a colour the contrast check cannot read: {first} or {second}"
    return ratio


def _declared(css):
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", css))


def test_there_are_at_least_two_themes_and_each_built_stylesheet_is_current():
    assert {"voorbeeld", "den-haag"} <= set(themes())
    for theme in themes().values():
        assert stylesheet_path(theme).read_text() == build_css(theme), (
            f"static/{theme.stylesheet} is out of date: run manage.py buildthemes"
        )


@pytest.mark.parametrize("slug", sorted(themes()))
def test_every_theme_keeps_text_links_and_the_header_readable(slug):
    colours = {**SITE_DEFAULTS, **_declared(build_css(themes()[slug]))}

    assert contrast(colours["--ink"], colours["--paper"]) >= 4.5
    assert contrast(colours["--link"], colours["--paper"]) >= 4.5
    # The header, buttons and badges put white text on the brand colour.
    assert contrast("#ffffff", colours["--brand"]) >= 4.5


@pytest.mark.parametrize("slug", sorted(themes()))
def test_no_theme_touches_the_phase_colours(slug):
    declared = _declared(build_css(themes()[slug]))

    assert not [
        name for name in declared if name.split("-")[2] in {"green", "yellow", "pink", "red"}
    ]


@pytest.mark.django_db
def test_a_theme_is_loaded_only_on_its_gemeentes_hosts(client):
    phase = PhaseFactory()
    GemeenteFactory(slug="den-haag", theme="den-haag")
    GemeenteFactory(slug="zwolle")

    def stylesheets(host=None):
        headers = {"Host": host} if host else {}
        response = client.get(phase.get_absolute_url(), headers=headers)
        return [link["href"] for link in select(response, 'link[rel="stylesheet"]')]

    assert stylesheets("den-haag.wijkverbinder.example")[-1].endswith("css/themes/den-haag.css")
    assert not any("themes/" in href for href in stylesheets())
    assert not any("themes/" in href for href in stylesheets("zwolle.wijkverbinder.example"))
