"""NL Design System component CSS in one stylesheet (README, Gemeenten: themes).

The button, link, heading and skip link come from the NL Design System candidate packages, the
form field (label, description, error message, text box, text area) from the Utrecht community
packages, which are the form field until a candidate exists. Each package's dist CSS is vendored
with its licence under static/vendor/nl-design-system/<scope>-<name>-<version>/;
`manage.py buildthemes` concatenates them into static/css/components.css, which every public page
loads before site.css. The components read only their own design tokens (`--nl-button-*`,
`--utrecht-textbox-*`, ...); site.css sets those from the site's properties, so a theme that sets
`--brand` or `--link` restyles the components too.

Only the rules the site can use are kept: a selector that needs a component class (`nl-...`,
`utrecht-...`) that no template and no form (USED_IN) names can match nothing here, and is left
out, as are rules left empty. That keeps the first view under its 30 KB (tests/test_first_view.py);
a template that starts using another modifier makes the built file stale, which a test reports.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

STYLESHEET = "css/components.css"
# Where the site names component classes: every template, and the forms' widget classes.
USED_IN = ("templates/**/*.html", "core/forms.py")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CLASS = re.compile(r"\.((?:nl|utrecht)-[\w-]+)")
_NAME = re.compile(r"(?<![\w-])((?:nl|utrecht)-[a-z0-9_-]*[a-z0-9])")


@dataclass(frozen=True)
class Component:
    package: str
    version: str
    file: str  # the dist file's name, as vendored
    licence: str = "EUPL-1.2"

    @property
    def folder(self):
        scope, name = self.package.lstrip("@").split("/")
        return f"vendor/nl-design-system/{scope}-{name}-{self.version}"

    @property
    def path(self):
        return f"{self.folder}/{self.file}"


COMPONENTS = (
    Component("@nl-design-system-candidate/button-css", "1.1.0", "button.css"),
    Component("@nl-design-system-candidate/link-css", "2.0.3", "link.css"),
    Component("@nl-design-system-candidate/heading-css", "1.1.3", "heading.css"),
    Component("@nl-design-system-candidate/skip-link-css", "1.0.5", "skip-link.css"),
    Component("@utrecht/form-field-css", "3.0.1", "index.min.css"),
    Component("@utrecht/form-label-css", "3.0.1", "index.min.css"),
    Component("@utrecht/form-field-description-css", "3.0.1", "index.min.css"),
    Component("@utrecht/form-field-error-message-css", "3.0.1", "index.min.css"),
    Component("@utrecht/textbox-css", "4.0.1", "index.min.css"),
    Component("@utrecht/textarea-css", "4.0.1", "index.min.css"),
)


def static_root():
    return Path(settings.BASE_DIR) / "static"


def used_classes():
    """Every component class name the templates and forms mention."""
    root = Path(settings.BASE_DIR)
    names = set()
    for pattern in USED_IN:
        for path in sorted(root.glob(pattern)):
            names.update(_NAME.findall(path.read_text()))
    return names


def _split(text, separator):
    """`text` split at `separator` where it is outside brackets and strings."""
    parts, depth, quote, start = [], 0, None, 0
    for index, char in enumerate(text):
        if quote:
            quote = None if char == quote and text[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _without_negations(selector):
    """The selector less its :not(...) parts: a class named only there need not be present."""
    while ":not(" in selector:
        start = selector.index(":not(")
        depth, end = 0, start + 4
        for end in range(start + 4, len(selector)):
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            if depth == 0:
                break
        selector = selector[:start] + selector[end + 1 :]
    return selector


def _blocks(css):
    """The top-level (prelude, body) pairs of a stylesheet without comments."""
    index = 0
    while index < len(css):
        open_at = css.find("{", index)
        if open_at < 0:
            return
        depth, end = 0, open_at
        for end in range(open_at, len(css)):
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            if depth == 0:
                break
        yield css[index:open_at].strip(), css[open_at + 1 : end]
        index = end + 1


def prune(css, used):
    """The rules of `css` that can match with only the `used` component classes."""
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@"):
            inner = prune(body, used)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [
            selector.strip()
            for selector in _split(prelude, ",")
            if set(_CLASS.findall(_without_negations(selector))) <= used
        ]
        if selectors and body.strip():
            kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def build_css():
    """static/css/components.css: a header naming every package, then each one's CSS as shipped,
    less the rules no page can use (and comments: the source maps are not vendored)."""
    header = [
        "/* NL Design System components: built by `manage.py buildthemes` from the packages below",
        "   (static/vendor/nl-design-system/). Do not edit: change gemeenten/components.py.",
    ]
    header += [f"   {c.package}@{c.version} ({c.licence}; static/{c.path})" for c in COMPONENTS]
    parts = ["\n".join(header) + " */\n"]
    used = used_classes()
    for component in COMPONENTS:
        css = _COMMENT.sub("", (static_root() / component.path).read_text())
        parts.append(f"/* {component.package}@{component.version} */\n{prune(css, used)}\n")
    return "".join(parts)


def stylesheet_path():
    return static_root() / STYLESHEET
