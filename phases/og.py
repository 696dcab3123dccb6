"""Link-preview images (Open Graph) per phase and language: its colour, name and quote.

`manage.py og_images` draws them at build time into GENERATED_STATIC_DIR/og/, which is one of
the static-file directories; phase and activity pages point their og:image at their phase's
image, and fall back to the site's general image while it has not been drawn.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import translation

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# (accent, tint, ink) per phase colour, as in static/css/site.css.
COLOURS = {
    "green": ("#3f8f4a", "#e4f3e5", "#1e5a27"),
    "yellow": ("#e3b505", "#fff5cc", "#6b5200"),
    "pink": ("#d9578f", "#fde6f0", "#8c2453"),
    "red": ("#c62f2f", "#fde4e2", "#8f1d1d"),
}
BRAND = "#1f3a5f"
INK = "#1b1f24"
FALLBACK_IMAGE = "img/og-image.png"


def image_path(phase, language):
    """The image's path among the static files, e.g. 'og/phase-in-rust-nl.png'."""
    return f"og/phase-{phase.slug}-{language}.png"


def image_url(phase, language):
    """The static URL of the phase's image, or of the general image if it is not drawn yet.

    Looked for on every call: the look-up with its URL costs 0.03 ms of a 2.2 ms activity-page
    render (benchmarks/memos.py), too little for a per-process memo to pay (issue 16).
    """
    path = image_path(phase, language)
    return static(path if finders.find(path) else FALLBACK_IMAGE)


def _font(bold, size):
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size=size)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw(phase, phases, language):
    """The image for `phase` in `language`, as a Pillow image."""
    from PIL import Image, ImageDraw

    accent, tint, ink = COLOURS.get(phase.colour, (BRAND, "#f5f6f8", INK))
    image = Image.new("RGB", (WIDTH, HEIGHT), tint)
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, 0, WIDTH, 28], fill=accent)
    pen.rectangle([0, HEIGHT - 96, WIDTH, HEIGHT], fill=BRAND)
    with translation.override(language):
        step = translation.gettext("Phase %(number)s") % {"number": phase.position}
        title, quote = phase.title, phase.current_quote
        pen.text((80, 80), f"{step.upper()} · {phase.name}", font=_font(True, 38), fill=ink)
        y = 150
        for line in _wrap(pen, title, _font(True, 76), WIDTH - 160)[:2]:
            pen.text((80, y), line, font=_font(True, 76), fill=INK)
            y += 92
        quote_font = _font(False, 44)
        marks = (
            "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
            if language == "nl"
            else "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
        )
        for line in _wrap(pen, f"{marks[0]}{quote}{marks[1]}", quote_font, WIDTH - 160)[:2]:
            pen.text((80, y + 16), line, font=quote_font, fill=INK)
            y += 58
    pen.text((80, HEIGHT - 72), settings.SITE_NAME, font=_font(True, 44), fill="#ffffff")
    # The four phases as dots, this one larger: the phase's place from calm to incidents.
    x = WIDTH - 80 - (len(phases) - 1) * 70
    for other in phases:
        other_accent = COLOURS.get(other.colour, (BRAND,))[0]
        radius = 22 if other.pk == phase.pk else 13
        cy = HEIGHT - 48
        pen.ellipse(
            [x - radius, cy - radius, x + radius, cy + radius],
            fill=other_accent,
            outline="#ffffff",
            width=3 if other.pk == phase.pk else 0,
        )
        x += 70
    return image


def write_all(phases, directory):
    """Draw every phase's image in every language into `directory`/og/; the paths written."""
    written = []
    for phase in phases:
        for language, _name in settings.LANGUAGES:
            target = Path(directory) / image_path(phase, language)
            target.parent.mkdir(parents=True, exist_ok=True)
            draw(phase, phases, language).save(target, "PNG", optimize=True)
            written.append(target)
    return written
