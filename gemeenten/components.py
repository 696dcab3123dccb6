"""NL Design System component CSS in one stylesheet (README, Gemeenten: themes).

The button, link, heading and skip link come from the NL Design System candidate packages, the
form field (label, description, error message, text box, text area) from the Utrecht community
packages, which are the form field until a candidate exists. Each package's dist CSS is vendored
with its licence under static/vendor/nl-design-system/<scope>-<name>-<version>/;
`manage.py buildthemes` concatenates them into static/css/components.css, which every public page
loads before site.css. The components read only their own design tokens (`--nl-button-*`,
`--utrecht-textbox-*`, ...); site.css sets those from the site's properties, so a theme that sets
`--brand` or `--link` restyles the components too.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

STYLESHEET = "css/components.css"
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


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


def build_css():
    """static/css/components.css: a header naming every package, then each one's CSS as shipped
    (less the source-map comment: the maps are not vendored)."""
    header = [
        "/* NL Design System components: built by `manage.py buildthemes` from the packages below",
        "   (static/vendor/nl-design-system/). Do not edit: change gemeenten/components.py.",
    ]
    header += [f"   {c.package}@{c.version} ({c.licence}; static/{c.path})" for c in COMPONENTS]
    parts = ["\n".join(header) + " */\n"]
    for component in COMPONENTS:
        css = _SOURCE_MAP.sub("", (static_root() / component.path).read_text()).strip()
        parts.append(f"/* {component.package}@{component.version} */\n{css}\n")
    return "".join(parts)


def stylesheet_path():
    return static_root() / STYLESHEET
