"""A gemeente's own design tokens, uploaded by its editors: its house style on its own hosts.

Most municipalities publish their NL Design System design tokens on npm under a licence that lets
only that gemeente use its house style, so the site cannot ship them (gemeenten/themes.py ships
the ones it may). A gemeente that holds the rights uploads its own tokens file in the admin (the
CSS its npm package builds, e.g. `dist/index.css`): the site reads from it the few common tokens
that give its own properties, checks that text, links and the header stay readable, and keeps
only that short result, served as a stylesheet on the gemeente's own hosts. Nothing of the file
is kept or served as it was uploaded, and no value reaches the CSS unless it is a colour or a
font list read here.
"""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gemeenten import contrast
from gemeenten.themes import FALLBACK_FONTS, declarations, resolve
from gemeenten.uploads import refuse_larger_than

MAX_UPLOAD_BYTES = 1_000_000
# The design tokens that give each site property; the first one the file defines wins: the
# NL Design System community's component tokens (candidate, then the Utrecht components most
# municipal sets are built on), then Amsterdam's own names.
TOKENS = {
    "--brand": [
        "--nl-button-primary-background-color",
        "--utrecht-button-primary-action-background-color",
        "--ams-color-interactive",
    ],
    "--link": ["--nl-link-color", "--utrecht-link-color", "--ams-color-interactive"],
    "--ink": ["--utrecht-document-color", "--ams-color-text"],
    "--line": ["--utrecht-separator-color"],
    "--font": ["--utrecht-document-font-family", "--ams-typography-font-family"],
}
COLOURS = {"--brand", "--link", "--ink", "--line"}
# What the site shows text and links on (static/css/site.css): the page, its grey panels and
# the four phase tints. An uploaded look keeps the site's paper.
SURFACES = ["#ffffff", "#f5f6f8", "#e4f3e5", "#fff5cc", "#fde6f0", "#fde4e2"]
SITE_DEFAULTS = {"--ink": "#1b1f24", "--link": "#0b5394", "--brand": "#1f3a5f"}
_FONT = re.compile(r"^[\w\s,.'\"-]{1,200}$")


def read(upload):
    """The site properties the uploaded tokens file gives, as {property: value}, or
    ValidationError saying what is wrong with it."""
    refuse_larger_than(upload, MAX_UPLOAD_BYTES)
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Upload the design tokens as a CSS file in UTF-8."), code="not_text"
        ) from error
    declared = declarations(_light_base(text))
    found = {}
    for prop, tokens in TOKENS.items():
        value = next((v for t in tokens if (v := resolve(t, declared)) is not None), None)
        if value is None:
            continue
        if prop in COLOURS and contrast.rgb(value) is None:
            raise ValidationError(
                _("The token for %(property)s is %(value)s, a colour this site cannot read."),
                params={"property": prop, "value": value[:80]},
                code="unreadable_colour",
            )
        if prop == "--font" and not _FONT.match(value):
            raise ValidationError(
                _("The font token is not a list of font names."), code="unreadable_font"
            )
        found[prop] = value
    if not found:
        raise ValidationError(
            _(
                "This file has none of the NL Design System tokens the site reads (such as "
                "--utrecht-link-color). Upload the CSS file of the gemeente's design tokens."
            ),
            code="no_tokens",
        )
    _check_readable(found)
    return found


_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _light_base(css):
    """The rule blocks of the file's base look: top-level rules only (not those inside an
    `@media` or other at-rule, such as a dark colour scheme or a wider viewport), and none whose
    selector names a dark look."""
    css = _COMMENT.sub("", css)
    kept = []
    depth = 0
    start = 0
    skip_from = None
    for position, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude = css[start:position].strip()
                if prelude.startswith("@") or "dark" in prelude.lower():
                    skip_from = depth
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
            if depth == 0:
                if skip_from is None:
                    # A block's last declaration may go without its semicolon.
                    kept.append(css[start:position] + ";}")
                skip_from = None
                start = position + 1
    return "\n".join(kept)


def _check_readable(found):
    colours = {**SITE_DEFAULTS, **found}
    problems = []
    for colour, label in ((colours["--ink"], _("text")), (colours["--link"], _("links"))):
        worst = min(contrast.ratio(colour, surface) for surface in SURFACES)
        if worst < contrast.MINIMUM:
            problems.append((label, worst))
    header = contrast.ratio("#ffffff", colours["--brand"])
    if header < contrast.MINIMUM:
        problems.append((_("white text on the brand colour (header, buttons)"), header))
    if problems:
        raise ValidationError(
            [
                ValidationError(
                    _("Too little contrast for %(what)s: %(ratio)s to 1, at least 4.5 to 1."),
                    params={"what": what, "ratio": f"{ratio:.1f}"},
                    code="low_contrast",
                )
                for what, ratio in problems
            ]
        )


def stylesheet(properties):
    """The CSS served on the gemeente's hosts for these (read and checked) properties."""
    lines = []
    for prop in TOKENS:
        if prop in properties:
            value = properties[prop]
            if prop == "--font":
                value = f"{value}, {FALLBACK_FONTS}"
            lines.append(f"  {prop}: {value};")
    return (
        "/* A gemeente's own design tokens (gemeenten.owntokens), uploaded by its editors. */\n"
        ":root {\n" + "\n".join(lines) + "\n}\n"
    )


def digest(css):
    return hashlib.sha256(css.encode()).hexdigest()[:16]
