"""A gemeente's own design tokens: uploaded by its editors, read for the few properties the site
uses, checked for contrast, and served as a stylesheet on its own hosts only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from gemeenten import contrast
from gemeenten.models import Gemeente, Host
from tests.admin_forms import post_as_shown
from tests.html import select, select_one

pytestmark = pytest.mark.django_db

UTRECHT = "utrecht.wijkverbinder.example"
ZWOLLE = "zwolle.wijkverbinder.example"

# Shaped like a token package's dist/index.css: brand colours, then component tokens that point
# at them, among many tokens the site does not read.
TOKENS_CSS = """/** @license SEE LICENSE.md */
:root {
  --gemeente-color-red-40: hsl(354 75% 38%);
  --gemeente-color-blue-30: #0a4a7a;
  --gemeente-color-grey-10: rgb(20, 20, 24);
  --gemeente-font: "Fira Sans", Arial;
  --utrecht-button-primary-action-background-color: var(--gemeente-color-red-40);
  --utrecht-link-color: var(--gemeente-color-blue-30);
  --utrecht-document-color: var(--gemeente-color-grey-10);
  --utrecht-document-font-family: var(--gemeente-font);
  --utrecht-separator-color: var(--unknown-token, #cccccc);
  --utrecht-accordion-padding: 12px;
}
"""


def _upload(text, name="index.css"):
    content = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, content, content_type="text/css")


@pytest.fixture
def gemeenten():
    utrecht = Gemeente.objects.create(name="Utrecht", slug="utrecht", theme="voorbeeld")
    Host.objects.create(gemeente=utrecht, name=UTRECHT)
    zwolle = Gemeente.objects.create(name="Zwolle", slug="zwolle")
    Host.objects.create(gemeente=zwolle, name=ZWOLLE)
    return utrecht, zwolle


def _save(client, gemeente, **extra):
    # In English, so that the refusals below can be told apart by their words.
    with translation.override("en"):
        change = reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk])
    return post_as_shown(client, change, **extra)


def _look(client, host):
    page = client.get(reverse("phases:list"), headers={"Host": host})
    return [link["href"] for link in select(page, 'link[rel="stylesheet"]')][-1]


def test_uploaded_tokens_give_the_look_on_the_gemeentes_hosts_only(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten

    response = _save(admin_client, utrecht, tokens_file=_upload(TOKENS_CSS))

    assert response.status_code == 302, response.content.decode()[:3000]
    utrecht.refresh_from_db()
    assert utrecht.own_tokens == {
        "--brand": "hsl(354 75% 38%)",
        "--link": "#0a4a7a",
        "--ink": "rgb(20, 20, 24)",
        "--font": '"Fira Sans", Arial',
        "--line": "#cccccc",
    }
    url = f"/huisstijl/{utrecht.own_tokens_digest}.css"
    assert _look(admin_client, UTRECHT) == url
    css = admin_client.get(url, headers={"Host": UTRECHT})
    assert css.status_code == 200
    assert css["Content-Type"] == "text/css"
    assert "immutable" in css["Cache-Control"]
    body = css.content.decode()
    assert "  --link: #0a4a7a;\n" in body
    assert '  --font: "Fira Sans", Arial, system-ui' in body
    assert "accordion" not in body
    assert "license" not in body.lower()
    for host in (ZWOLLE, "testserver"):
        assert admin_client.get(url, headers={"Host": host}).status_code == 404, host
        assert "huisstijl" not in _look(admin_client, host), host


def test_removing_the_own_tokens_brings_back_the_chosen_theme(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten
    _save(admin_client, utrecht, tokens_file=_upload(TOKENS_CSS))
    utrecht.refresh_from_db()
    old = f"/huisstijl/{utrecht.own_tokens_digest}.css"

    _save(admin_client, utrecht, remove_tokens="on")

    utrecht.refresh_from_db()
    assert (utrecht.own_tokens, utrecht.own_tokens_digest) == ({}, "")
    assert _look(admin_client, UTRECHT).endswith("css/themes/voorbeeld.css")
    assert admin_client.get(old, headers={"Host": UTRECHT}).status_code == 404


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (":root { --utrecht-link-color: #9ab; }", "contrast"),
        (":root { --utrecht-document-color: #bbb; }", "contrast"),
        (":root { --utrecht-button-primary-action-background-color: #ffcc00; }", "contrast"),
        (":root{--utrecht-link-color:#0a4a7a;--utrecht-document-color:#bbb}", "contrast"),
        (":root { --utrecht-link-color: expression(alert(1)); }", "cannot read"),
        (":root { --utrecht-link-color: url(https://example.org/x); }", "cannot read"),
        (":root { --utrecht-document-font-family: Arial</style><script>x</script>; }", "font"),
        (":root { --something-else: #000; }", "none of"),
        (b"\xff\xfe\x00b\x00a\x00d", "UTF-8"),
        (":root {" + " --x: 1;" * 130_000 + "}", "1000 KB"),
    ],
    ids=[
        "pale-links",
        "pale-text",
        "white-on-yellow",
        "last-without-semicolon",
        "expression",
        "url",
        "markup-in-font",
        "no-tokens",
        "not-utf8",
        "too-large",
    ],
)
def test_a_file_that_would_give_an_unreadable_or_unsafe_look_is_refused(
    admin_client, gemeenten, content, message
):
    utrecht, _zwolle = gemeenten

    response = _save(admin_client, utrecht, tokens_file=_upload(content))

    assert response.status_code == 200
    assert message in select_one(response, ".field-tokens_file .errorlist").get_text()
    utrecht.refresh_from_db()
    assert utrecht.own_tokens_digest == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#fff", (1.0, 1.0, 1.0)),
        ("#000000ff", (0.0, 0.0, 0.0)),
        ("black", (0.0, 0.0, 0.0)),
        ("rgb(255, 0, 0)", (1.0, 0.0, 0.0)),
        ("rgba(0 0 255 / 50%)", (0.0, 0.0, 1.0)),
        ("rgb(100% 0% 0%)", (1.0, 0.0, 0.0)),
        ("hsl(120deg 100% 50%)", (0.0, 1.0, 0.0)),
        ("hsla(0, 0%, 100%, 1)", (1.0, 1.0, 1.0)),
        ("red", None),
        ("var(--x)", None),
        ("#12345", None),
    ],
)
def test_the_colours_contrast_reads(value, expected):
    assert contrast.rgb(value) == expected


def test_the_contrast_ratio_is_wcags():
    assert round(contrast.ratio("#000", "hsl(0 0% 100%)"), 1) == 21.0
    assert round(contrast.ratio("#767676", "#ffffff"), 2) == 4.54
    assert contrast.ratio("red", "#fff") is None


def test_a_dark_colour_scheme_or_a_wider_viewport_in_the_file_does_not_win(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten
    css = TOKENS_CSS + (
        "@media (prefers-color-scheme: dark) {\n"
        "  .theme--media-query { --utrecht-document-color: #ffffff; }\n}\n"
        ".theme--dark { --utrecht-link-color: #aaccff; }\n"
        "@media (width >= 60em) { .theme { --utrecht-link-color: #777777; } }\n"
    )

    response = _save(admin_client, utrecht, tokens_file=_upload(css))

    assert response.status_code == 302
    utrecht.refresh_from_db()
    assert utrecht.own_tokens["--ink"] == "rgb(20, 20, 24)"
    assert utrecht.own_tokens["--link"] == "#0a4a7a"


def test_amsterdams_token_names_are_read_too(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten
    css = ":root { --ams-color-interactive: #004699; --ams-color-text: #202020; }"

    _save(admin_client, utrecht, tokens_file=_upload(css))

    utrecht.refresh_from_db()
    assert utrecht.own_tokens == {"--brand": "#004699", "--link": "#004699", "--ink": "#202020"}
