"""Colour contrast as WCAG 2.2 computes it, for the colours a look (a theme) sets.

Reads the colour notations design tokens use: `#rgb`, `#rrggbb` (an alpha part is ignored: the
tokens that matter here are opaque), `rgb()`/`rgba()` and `hsl()`/`hsla()` in their comma and
space forms, and the keywords `white` and `black`. Anything else is None: a colour this module
cannot read, which a caller refuses rather than guesses.
"""

import colorsys
import re

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)"
_HSL = re.compile(
    rf"^hsla?\(\s*({_NUMBER})(?:deg)?[\s,]+({_NUMBER})%[\s,]+({_NUMBER})%\s*(?:[,/]\s*{_NUMBER}%?\s*)?\)$"
)
_RGB = re.compile(
    rf"^rgba?\(\s*({_NUMBER})(%?)[\s,]+({_NUMBER})(%?)[\s,]+({_NUMBER})(%?)\s*(?:[,/]\s*{_NUMBER}%?\s*)?\)$"
)
_HEX = re.compile(r"^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$")
_KEYWORDS = {"white": (1.0, 1.0, 1.0), "black": (0.0, 0.0, 0.0)}
# WCAG 2.2 AA for text of normal size.
MINIMUM = 4.5


def rgb(value):
    """The colour as (r, g, b) between 0 and 1, or None when it is no colour read here."""
    value = value.strip().lower()
    if value in _KEYWORDS:
        return _KEYWORDS[value]
    if match := _HEX.match(value):
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits[:3])
        return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    if match := _HSL.match(value):
        hue, saturation, lightness = (float(part) for part in match.groups())
        return colorsys.hls_to_rgb(
            (hue % 360) / 360, _clip(lightness / 100), _clip(saturation / 100)
        )
    if match := _RGB.match(value):
        parts = match.groups()
        return tuple(
            _clip(float(number) / (100 if percent else 255))
            for number, percent in zip(parts[::2], parts[1::2], strict=True)
        )
    return None


def _clip(number):
    return min(1.0, max(0.0, number))


def _luminance(colour):
    def channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(first, second):
    """The contrast ratio of two colours (1 to 21), or None when either cannot be read."""
    colours = rgb(first), rgb(second)
    if None in colours:
        return None
    light, dark = sorted((_luminance(c) for c in colours), reverse=True)
    return (light + 0.05) / (dark + 0.05)
