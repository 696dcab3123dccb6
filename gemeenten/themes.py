"""A gemeente's own look, from NL Design System design tokens (README, Gemeenten: themes).

A theme is a file `gemeenten/themes/<slug>.json`: its name, the npm package its tokens come from
(vendored with its licence under static/vendor/nl-design-system/), and which token gives each of
the site's own custom properties (`--brand`, `--link`, `--ink`, `--paper`, `--line`, `--font`).
`manage.py buildthemes` resolves those tokens (`var()` chains included) into a few lines of static
CSS, static/css/themes/<slug>.css, which a gemeente's pages load after site.css; the phase colours
are not in any theme and mean the same everywhere. Adding a theme is adding its tokens and this
file, then running `buildthemes`; nothing is built at run time.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

HERE = Path(__file__).resolve().parent / "themes"
# The site's own properties a theme may set (static/css/site.css defines their defaults).
PROPERTIES = (
    "--brand",
    "--link",
    "--ink",
    "--ink-muted",
    "--paper",
    "--paper-alt",
    "--line",
    "--font",
    "--focus",
)
_DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;{}]+);")
_VAR = re.compile(r"var\((--[\w-]+)(?:\s*,\s*([^()]*))?\)")
FALLBACK_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'


@dataclass(frozen=True)
class Theme:
    slug: str
    names: dict
    package: str
    licence: str
    tokens: str
    mapping: dict

    @property
    def name(self):
        return self.names.get(get_language() or "nl") or self.names["nl"]

    @property
    def stylesheet(self):
        return f"css/themes/{self.slug}.css"


@cache
def themes():
    """Every theme, by slug, in name order."""
    found = {}
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text())
        unknown = set(data["map"]) - set(PROPERTIES)
        if unknown:
            raise ValueError(f"{path.name}: no such site property {sorted(unknown)}")
        found[path.stem] = Theme(
            path.stem, data["name"], data["package"], data["licence"], data["tokens"], data["map"]
        )
    return found


def theme_choices():
    return [(slug, theme.name) for slug, theme in themes().items()]


def _resolve(name, declared, seen=()):
    value = declared.get(name)
    if value is None or name in seen:
        return None

    def substitute(match):
        resolved = _resolve(match.group(1), declared, (*seen, name))
        if resolved is None:
            if match.group(2) is None:
                raise LookupError(match.group(1))
            return match.group(2).strip()
        return resolved

    try:
        while "var(" in value:
            value = _VAR.sub(substitute, value)
    except LookupError:
        return None
    return value.strip()


def build_css(theme):
    """The theme's stylesheet: the site's properties set from the resolved tokens."""
    source = Path(settings.BASE_DIR) / "static" / theme.tokens
    declared = declarations(source.read_text())
    lines = []
    for prop, token in theme.mapping.items():
        value = _resolve(token, declared)
        if value is None:
            raise ValueError(f"{theme.slug}: the token {token} is not in {theme.tokens}")
        if prop == "--font":
            value = f"{value}, {FALLBACK_FONTS}"
        lines.append(f"  {prop}: {value};")
    return (
        f"/* Theme “{theme.names['nl']}”: built by `manage.py buildthemes` from {theme.package}\n"
        f"   ({theme.licence}; static/{theme.tokens}). Do not edit: change gemeenten/themes/. */\n"
        ":root {\n" + "\n".join(lines) + "\n}\n"
    )


def stylesheet_path(theme):
    return Path(settings.BASE_DIR) / "static" / theme.stylesheet


def declarations(css):
    """Every custom property a token file declares, by name (the last declaration wins)."""
    return dict(_DECLARATION.findall(css))


def resolve(token, declared):
    """The token's value with every `var()` resolved, or None when it cannot be."""
    return _resolve(token, declared)
