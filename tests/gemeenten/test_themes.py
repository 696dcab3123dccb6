"""Themes from NL Design System tokens: built, current, readable, and only on their gemeente."""

import colorsys
import re

import pytest

from gemeenten.themes import build_css, stylesheet_path, themes
from tests.factories import GemeenteFactory, PhaseFactory
from tests.html import select

SITE_DEFAULTS = {
    "--ink": "#1b1f24",
    "--paper": "#ffffff",
    "--link": "#0b5394",
    "--brand": "#1f3a5f",
}


def _rgb(value):
    value = value.strip()
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    match = re.match(r"hsla?\(\s*([\d.]+)[\s,]+([\d.]+)%[\s,]+([\d.]+)%", value)
    assert match, f"a colour this test cannot read: {value}"
    hue, saturation, lightness = (float(part) for part in match.groups())
    return colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)


def _luminance(rgb):
    def channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    light, dark = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _declared(css):
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", css))


def test_the_contrast_helper_knows_black_on_white():
    assert round(contrast("#000", "hsl(0 0% 100%)"), 1) == 21.0


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
