"""A gemeente's logo: uploaded in the admin, drawn again as a small PNG, shown in the header on
its own hosts only, and served there at an address that changes with it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from gemeenten.models import Gemeente, Host
from tests.admin_forms import post_as_shown
from tests.html import select_one

pytestmark = pytest.mark.django_db

UTRECHT = "utrecht.wijkverbinder.example"
ZWOLLE = "zwolle.wijkverbinder.example"


def _image(size=(600, 200), fmt="PNG", colour=(200, 0, 0)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def _upload(content, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def gemeenten():
    utrecht = Gemeente.objects.create(name="Utrecht", slug="utrecht")
    Host.objects.create(gemeente=utrecht, name=UTRECHT)
    zwolle = Gemeente.objects.create(name="Zwolle", slug="zwolle")
    Host.objects.create(gemeente=zwolle, name=ZWOLLE)
    return utrecht, zwolle


def _save_logo(client, gemeente, **extra):
    return post_as_shown(
        client, reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk]), **extra
    )


def _header_logo(client, host):
    page = client.get(reverse("phases:list"), headers={"Host": host})
    return select_one(page, ".site-header .site-name img")


def test_an_uploaded_logo_shows_in_the_header_on_its_own_hosts_only(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten

    response = _save_logo(admin_client, utrecht, logo_file=_upload(_image((600, 200), "JPEG")))

    assert response.status_code == 302, response.content.decode()[:2000]
    utrecht.refresh_from_db()
    stored = Image.open(io.BytesIO(bytes(utrecht.logo)))
    assert stored.format == "PNG"
    assert (stored.width, stored.height) == (240, 80) == (utrecht.logo_width, utrecht.logo_height)

    img = _header_logo(admin_client, UTRECHT)
    assert img["src"] == f"/logo/{utrecht.logo_digest}.png"
    assert (img["width"], img["height"], img["alt"]) == ("96", "32", "")
    for host in (ZWOLLE, "testserver"):
        assert _header_logo(admin_client, host)["src"].endswith("/img/logo.svg"), host


def test_the_logo_is_served_on_its_gemeentes_hosts_only_and_kept_for_a_year(client, gemeenten):
    utrecht, zwolle = gemeenten
    utrecht.set_logo(*_png_logo())
    utrecht.save()
    zwolle.set_logo(*_png_logo(colour=(0, 0, 200)))
    zwolle.save()
    path = f"/logo/{utrecht.logo_digest}.png"

    served = client.get(path, headers={"Host": UTRECHT})

    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served.content == bytes(utrecht.logo)
    assert "immutable" in served["Cache-Control"]
    assert "max-age=31536000" in served["Cache-Control"]
    for host in (ZWOLLE, "testserver"):
        assert client.get(path, headers={"Host": host}).status_code == 404, host
    assert client.get("/logo/0123456789abcdef.png", headers={"Host": UTRECHT}).status_code == 404
    assert client.get("/logo/../../etc.png", headers={"Host": UTRECHT}).status_code == 404


def _png_logo(colour=(200, 0, 0)):
    from gemeenten import logos

    return logos.prepare(_upload(_image(colour=colour)))


def test_a_new_logo_gets_a_new_address_and_the_old_one_is_gone(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten
    _save_logo(admin_client, utrecht, logo_file=_upload(_image(colour=(200, 0, 0))))
    utrecht.refresh_from_db()
    old = f"/logo/{utrecht.logo_digest}.png"

    _save_logo(admin_client, utrecht, logo_file=_upload(_image(colour=(0, 120, 0))))
    utrecht.refresh_from_db()

    assert f"/logo/{utrecht.logo_digest}.png" != old
    assert admin_client.get(old, headers={"Host": UTRECHT}).status_code == 404
    assert _header_logo(admin_client, UTRECHT)["src"] == f"/logo/{utrecht.logo_digest}.png"


def test_removing_the_logo_brings_back_the_sites_own_mark(admin_client, gemeenten):
    utrecht, _zwolle = gemeenten
    _save_logo(admin_client, utrecht, logo_file=_upload(_image()))

    response = _save_logo(admin_client, utrecht, remove_logo="on")

    assert response.status_code == 302
    utrecht.refresh_from_db()
    assert (bytes(utrecht.logo), utrecht.logo_digest) == (b"", "")
    assert _header_logo(admin_client, UTRECHT)["src"].endswith("/img/logo.svg")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "l.svg",
            "PNG",
        ),
        (b"just some text", "logo.png", "PNG"),
        (_image(fmt="BMP"), "logo.bmp", "PNG"),
        (b"\x89PNG" + b"0" * 1_100_000, "big.png", "1000 KB"),
        (_image((6000, 6000)), "huge.png", "6000"),
    ],
    ids=["svg", "text", "bmp", "too-large", "too-many-pixels"],
)
def test_a_file_that_is_no_usable_logo_gets_a_form_error(
    admin_client, gemeenten, content, name, message
):
    utrecht, _zwolle = gemeenten

    response = _save_logo(admin_client, utrecht, logo_file=_upload(content, name))

    assert response.status_code == 200
    error = select_one(response, ".field-logo_file .errorlist")
    assert message in error.get_text()
    utrecht.refresh_from_db()
    assert utrecht.logo_digest == ""


def test_a_gemeente_editor_sets_its_own_logo_and_cannot_see_anothers(
    client, gemeenten, django_user_model
):
    utrecht, zwolle = gemeenten
    zwolle.set_logo(*_png_logo())
    zwolle.save()
    call_command("createeditor", "ilse", gemeente="utrecht", interactive=False, verbosity=0)
    client.force_login(django_user_model.objects.get(username="ilse"))

    response = _save_logo(client, utrecht, logo_file=_upload(_image()))

    assert response.status_code == 302
    utrecht.refresh_from_db()
    own = reverse("admin:gemeenten_gemeente_logo", args=[utrecht.pk, utrecht.logo_digest])
    theirs = reverse("admin:gemeenten_gemeente_logo", args=[zwolle.pk, zwolle.logo_digest])
    assert client.get(own).status_code == 200
    assert client.get(theirs).status_code == 404
    assert client.get(reverse("admin:gemeenten_gemeente_change", args=[zwolle.pk])).status_code == (
        404
    )
