"""Each phase has its own link-preview image per language, 1200 x 630, drawn at build time."""

import pytest
from django.core.management import call_command
from PIL import Image

from tests.factories import GuidanceFactory, PhaseFactory
from tests.html import select_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(tmp_path, settings):
    """Phases with their images drawn into a static directory of the test's own."""
    phases = [
        PhaseFactory(position=1, slug="in-rust", colour="green"),
        PhaseFactory(position=2, slug="bij-spanningen", colour="pink"),
    ]
    settings.GENERATED_STATIC_DIR = tmp_path
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS[:1], tmp_path]
    call_command("og_images", verbosity=0)
    return phases, tmp_path


def test_the_command_draws_every_phase_in_every_language_at_1200_by_630(drawn):
    _phases, directory = drawn

    files = sorted(path.name for path in (directory / "og").iterdir())

    assert files == [
        "phase-bij-spanningen-en.png",
        "phase-bij-spanningen-nl.png",
        "phase-in-rust-en.png",
        "phase-in-rust-nl.png",
    ]
    for name in files:
        with Image.open(directory / "og" / name) as image:
            assert image.size == (1200, 630)


def test_each_phase_is_drawn_in_its_own_colour(drawn):
    _phases, directory = drawn

    with Image.open(directory / "og" / "phase-in-rust-nl.png") as calm:
        calm_band = calm.convert("RGB").getpixel((600, 10))
    with Image.open(directory / "og" / "phase-bij-spanningen-nl.png") as tension:
        tension_band = tension.convert("RGB").getpixel((600, 10))

    assert calm_band == (0x3F, 0x8F, 0x4A)
    assert tension_band == (0xD9, 0x57, 0x8F)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_each_phase_page_points_its_og_image_at_its_own_image(client, drawn, prefix):
    phases, directory = drawn
    language = "en" if prefix else "nl"

    for phase in phases:
        response = client.get(f"{prefix}/verbinden/{phase.slug}/")
        image = select_one(response, 'meta[property="og:image"]')["content"]
        name = f"phase-{phase.slug}-{language}.png"
        assert image == f"http://testserver/static/og/{name}"
        assert (directory / "og" / name).exists()
        alt = select_one(response, 'meta[property="og:image:alt"]')["content"]
        assert phase.title in alt


def test_an_activity_page_uses_its_phases_image(client, drawn):
    phases, _directory = drawn
    guidance = GuidanceFactory(phase=phases[1])

    response = client.get(guidance.get_absolute_url())

    image = select_one(response, 'meta[property="og:image"]')["content"]
    assert image.endswith("/static/og/phase-bij-spanningen-nl.png")


def test_before_the_images_are_drawn_pages_use_the_general_image(client, tmp_path, settings):
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS[:1], tmp_path]
    phase = PhaseFactory(slug="in-rust")

    response = client.get(phase.get_absolute_url())

    image = select_one(response, 'meta[property="og:image"]')["content"]
    assert image == "http://testserver/static/img/og-image.png"
