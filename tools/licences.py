"""Every dependency, with the licence its own package metadata declares, and whether the
project's licence (EUPL-1.2) allows it.

Run: `.venv/bin/python tools/licences.py` (prints a table; exits 1 if any dependency has an
unknown licence or one not on the allow-list). tests/test_licences.py runs the same check.

What is listed: the packages `pyproject.toml` asks for at runtime (`[project] dependencies`) and
for the tests (`[dependency-groups] test`), with everything they require in turn, as installed
in this environment; the third-party files kept in the repository (`VENDORED`) with their
licence files; and those bundled inside a package (`BUNDLED`). Where a package gives a licence
in more than one way, the SPDX expression (`License-Expression`) wins, then a short `License`
field, then the trove classifiers (several licence classifiers are read as a choice, as in
pyphen's "GPL or LGPL or MPL").
"""

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent

# Licences that let an EUPL-1.2 work use the package: permissive ones, and the weak copyleft
# ones (LGPL, MPL-2.0: the app only imports the library, unchanged) and the EUPL itself.
ALLOWED = {
    "0BSD",
    "Apache-2.0",
    "BSD",  # the trove classifier "BSD License", which names no clause count
    "BSD-2-Clause",
    "BSD-3-Clause",
    "CC0-1.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "HPND",
    "ISC",
    "LGPL-2.0-or-later",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MIT",
    "MIT-0",
    "MIT-CMU",
    "MPL-2.0",
    "PSF-2.0",
    "Unlicense",
    "Zlib",
}

# What packages write instead of an SPDX identifier, as found in this project's dependencies.
SPDX = {
    "apache 2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    "artistic license": "Artistic-1.0",
    "bsd": "BSD",
    "bsd license": "BSD",
    "gnu general public license (gpl)": "GPL",
    "gnu general public license v2 or later (gplv2+)": "GPL-2.0-or-later",
    "gnu lesser general public license v2 or later (lgplv2+)": "LGPL-2.0-or-later",
    "isc license (iscl)": "ISC",
    "mit": "MIT",
    "mit license": "MIT",
    "mozilla public license 1.1 (mpl 1.1)": "MPL-1.1",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "python software foundation license": "PSF-2.0",
    "the unlicense (unlicense)": "Unlicense",
}

# Packages whose metadata does not say it plainly, checked by hand: the licence, and where.
READ_BY_HAND = {
    # Metadata names no licence; its licence file (dist-info/licenses/LICENSE) is MIT.
    "axe-playwright-python": "MIT",
    # "BSD-3-Clause, Apache-2.0, dependency licenses": PDFium's own licences; a test tool that
    # reads the plan PDF in tests/buurtoverleg/test_pdf.py.
    "pypdfium2": "BSD-3-Clause AND Apache-2.0",
    # The License field is the whole Apache-2.0 text; the classifier says so too.
    "pytest-playwright": "Apache-2.0",
    # The License field is a sentence naming the 3-clause BSD licence.
    "pytest-django": "BSD-3-Clause",
}

# Allowed although not on the list, with the reason. Only for test tools that are never shipped
# with or linked into the app.
TEST_ONLY_EXCEPTIONS = {
    # Artistic-1.0 or GPL: required by python-slugify, which pytest-playwright requires for its
    # file names. It transliterates test names; the app never imports it.
    "text-unidecode": "test tool only (pytest-playwright → python-slugify)",
}

# Third-party files kept in this repository, each with the licence file beside it.
VENDORED = [
    {
        "file": "static/vendor/htmx-2.0.10.min.js",
        "licence": "0BSD",
        "licence_file": "static/vendor/htmx-2.0.10.LICENSE",
        "source": "https://github.com/bigskysoftware/htmx (tag v2.0.10, dist/htmx.min.js)",
    },
    {
        "file": "static/vendor/nl-design-system/voorbeeld-design-tokens-7.4.1/theme.css",
        "licence": "EUPL-1.2",
        "licence_file": "static/vendor/nl-design-system/voorbeeld-design-tokens-7.4.1/LICENSE.md",
        "source": "npm @nl-design-system-unstable/voorbeeld-design-tokens@7.4.1 (dist/theme.css)",
    },
    {
        "file": "static/vendor/nl-design-system/gemeente-denhaag-design-tokens-components-4.1.0/"
        "index.css",
        "licence": "EUPL-1.2",
        "licence_file": "static/vendor/nl-design-system/"
        "gemeente-denhaag-design-tokens-components-4.1.0/LICENSE.md",
        "source": "npm @gemeente-denhaag/design-tokens-components@4.1.0 (dist/index.css)",
    },
    # NL Design System component CSS, concatenated into static/css/components.css by
    # `manage.py buildthemes` (gemeenten/components.py).
    *(
        {
            "file": f"static/vendor/nl-design-system/{folder}/{name}",
            "licence": "EUPL-1.2",
            "licence_file": f"static/vendor/nl-design-system/{folder}/LICENSE.md",
            "source": f"npm {package} (dist/{name})",
        }
        for package, folder, name in [
            (
                "@nl-design-system-candidate/button-css@1.1.0",
                "nl-design-system-candidate-button-css-1.1.0",
                "button.css",
            ),
            (
                "@nl-design-system-candidate/link-css@2.0.3",
                "nl-design-system-candidate-link-css-2.0.3",
                "link.css",
            ),
            (
                "@nl-design-system-candidate/heading-css@1.1.3",
                "nl-design-system-candidate-heading-css-1.1.3",
                "heading.css",
            ),
            (
                "@nl-design-system-candidate/skip-link-css@1.0.5",
                "nl-design-system-candidate-skip-link-css-1.0.5",
                "skip-link.css",
            ),
            ("@utrecht/form-field-css@3.0.1", "utrecht-form-field-css-3.0.1", "index.min.css"),
            ("@utrecht/form-label-css@3.0.1", "utrecht-form-label-css-3.0.1", "index.min.css"),
            (
                "@utrecht/form-field-description-css@3.0.1",
                "utrecht-form-field-description-css-3.0.1",
                "index.min.css",
            ),
            (
                "@utrecht/form-field-error-message-css@3.0.1",
                "utrecht-form-field-error-message-css-3.0.1",
                "index.min.css",
            ),
            ("@utrecht/textbox-css@4.0.1", "utrecht-textbox-css-4.0.1", "index.min.css"),
            ("@utrecht/textarea-css@4.0.1", "utrecht-textarea-css-4.0.1", "index.min.css"),
        ]
    ),
    {
        "file": "docs/publiccode/publiccode.schema.json",
        "licence": "Apache-2.0",
        "licence_file": "docs/publiccode/LICENSE-schemastore",
        "source": "https://github.com/SchemaStore/schemastore (src/schemas/json/publiccode.json)",
    },
]

# Third-party files inside a package above that carry a licence of their own, and the words of
# it that the file's header must hold.
BUNDLED = [
    {
        "package": "axe-playwright-python",
        "file": "axe_playwright_python/axe.min.js",
        "licence": "MPL-2.0",
        "header": "Mozilla Public\n * License, v. 2.0",
        "what": "axe-core, the browser tests' accessibility engine",
    },
]


def declared_requirements(pyproject=ROOT / "pyproject.toml"):
    """The runtime and test requirements of pyproject.toml, as (requirement, group) pairs."""
    data = tomllib.loads(pyproject.read_text())
    groups = data.get("dependency-groups", {})

    def group(name):
        for item in groups.get(name, []):
            if isinstance(item, dict):
                yield from group(item["include-group"])
            else:
                yield item

    yield from ((Requirement(text), "runtime") for text in data["project"]["dependencies"])
    yield from ((Requirement(text), "test") for text in group("test"))


def dependencies():
    """Every installed distribution the project needs, by canonical name: (dist, group).

    A package needed at runtime counts as runtime even when a test tool needs it too.
    """
    environment = default_environment()
    found = {}
    queue = list(declared_requirements())
    while queue:
        requirement, group = queue.pop(0)
        name = canonicalize_name(requirement.name)
        if found.get(name, (None, None))[1] in (group, "runtime"):
            continue
        dist = importlib.metadata.distribution(name)
        found[name] = (dist, group)
        for text in dist.requires or []:
            needed = Requirement(text)
            if needed.marker is None or needed.marker.evaluate({**environment, "extra": ""}):
                queue.append((needed, group))
        # Extras asked for by name (psycopg[binary]) add their own requirements.
        for extra in requirement.extras:
            for text in dist.requires or []:
                needed = Requirement(text)
                if needed.marker and needed.marker.evaluate({**environment, "extra": extra}):
                    queue.append((needed, group))
    return found


def declared_licence(dist):
    """The package's licence as an SPDX expression, and where it was read."""
    name = canonicalize_name(dist.metadata["Name"])
    if name in READ_BY_HAND:
        return READ_BY_HAND[name], "read by hand"
    expression = dist.metadata.get("License-Expression")
    if expression:
        return expression.strip(), "License-Expression"
    field = (dist.metadata.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 40:
        return " AND ".join(_spdx(part) for part in re.split(r",\s*", field)), "License"
    classifiers = [
        c.split(" :: ")[-1]
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License :: ") and c != "License :: OSI Approved"
    ]
    if classifiers:
        return " OR ".join(_spdx(c) for c in classifiers), "classifiers"
    return "", "nothing"


def _spdx(text):
    return SPDX.get(text.strip().lower(), text.strip())


def allowed(expression):
    """True when one alternative of the expression has only allowed licences."""
    if not expression:
        return False
    alternatives = re.split(r"\s+OR\s+", expression.replace("(", "").replace(")", ""))
    return any(
        all(part.strip() in ALLOWED for part in re.split(r"\s+AND\s+", alternative))
        for alternative in alternatives
    )


def report():
    """One row per dependency and vendored file: name, version, group, licence, source, ok."""
    rows = []
    for name, (dist, group) in sorted(dependencies().items()):
        if name == "wijkverbinder":
            continue
        expression, source = declared_licence(dist)
        ok = allowed(expression)
        if not ok and group == "test" and name in TEST_ONLY_EXCEPTIONS:
            ok, source = True, f"{source}; allowed: {TEST_ONLY_EXCEPTIONS[name]}"
        rows.append(
            {
                "name": dist.metadata["Name"],
                "version": dist.version,
                "group": group,
                "licence": expression or "(none declared)",
                "source": source,
                "ok": ok,
            }
        )
    for item in VENDORED:
        present = (ROOT / item["file"]).exists() and (ROOT / item["licence_file"]).exists()
        rows.append(
            {
                "name": item["file"],
                "version": "",
                "group": "vendored",
                "licence": item["licence"],
                "source": f"{item['licence_file']}; from {item['source']}",
                "ok": present and allowed(item["licence"]),
            }
        )
    for item in BUNDLED:
        dist = importlib.metadata.distribution(item["package"])
        path = Path(dist.locate_file(item["file"]))
        header = path.read_text()[:1000] if path.exists() else ""
        version = re.match(r"/\*! \S+ v(\S+)", header)
        rows.append(
            {
                "name": item["file"],
                "version": version.group(1) if version else "",
                "group": "bundled",
                "licence": item["licence"],
                "source": f"{item['what']}: the file's header, inside {item['package']}",
                "ok": item["header"] in header and allowed(item["licence"]),
            }
        )
    return rows


def main():
    rows = report()
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        mark = "  " if row["ok"] else "!!"
        print(
            f"{mark} {row['name']:<{width}}  {row['version']:<12} {row['group']:<8} "
            f"{row['licence']}  ({row['source']})"
        )
    bad = [row["name"] for row in rows if not row["ok"]]
    if bad:
        print(f"\nNot allowed or unknown: {', '.join(bad)}", file=sys.stderr)
        return 1
    print(f"\n{len(rows)} dependencies and vendored files; every licence is allowed with EUPL-1.2.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
