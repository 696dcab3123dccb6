import re

import pytest
from django.contrib.auth.models import User
from pytest_django.asserts import assertContains, assertNotContains

from buurtoverleg.models import Response
from tests.buurtoverleg.conftest import answer
from tests.factories import GuidanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "x"))
    return client


def test_editors_see_counts_in_the_admin_never_the_answers(client, overleg, roles):
    answer(client, overleg["participant"], roles[0], line="Geheime observatie")
    answer(client, overleg["participant"], roles[1], sfeer="gespannen")
    client.force_login(User.objects.create_superuser("redacteur", "r@example.org", "x"))

    listing = client.get("/admin/buurtoverleg/overleg/")
    detail = client.get(f"/admin/buurtoverleg/overleg/{overleg['object'].pk}/change/")

    assertContains(listing, '<td class="field-response_count">2</td>', html=False)
    for page in (listing, detail):
        assertNotContains(page, "Geheime observatie")
        assertNotContains(page, overleg["object"].participant_token)
        assertNotContains(page, overleg["object"].manage_token_hash)
    assert client.get("/admin/buurtoverleg/response/").status_code == 404
    assert Response.objects.count() == 2


def test_editors_edit_the_list_of_roles(editor_client, roles):
    response = editor_client.get("/admin/buurtoverleg/participantrole/")

    assertContains(response, "Wijkagent")


def test_phase_and_activity_pages_have_a_share_link_and_a_qr_code_for_print(client):
    guidance = GuidanceFactory()

    for path in (guidance.phase.get_absolute_url(), guidance.get_absolute_url()):
        html = client.get(path).content.decode()
        url = f"http://testserver{path}"
        share = re.search(r'<a class="share__button"[^>]*>', html).group(0)
        assert f'data-share-url="{url}"' in share
        assert "mailto:?subject=" in share
        assert "body=http%3A%2F%2Ftestserver" in share
        assert re.search(r'<figure class="share-qr print-only">\s*<svg role="img"', html)
        assert '<script src="/static/js/share.js" defer></script>' in html


def test_the_share_qr_code_encodes_the_page_address():
    import segno

    from core.templatetags.qr import qr_svg

    class Request:
        def build_absolute_uri(self, url):
            return f"https://wijkverbinder.example{url}"

    svg = qr_svg({"request": Request()}, "/verbinden/in-rust/")

    assert svg == str(
        segno.make("https://wijkverbinder.example/verbinden/in-rust/", error="m").svg_inline(
            scale=4, omitsize=True, svgclass="qr"
        )
    )


def test_the_share_link_and_qr_code_leave_out_the_query_string(client):
    guidance = GuidanceFactory()

    html = client.get(
        guidance.phase.get_absolute_url() + "?utm_source=" + "x" * 3000
    ).content.decode()

    url = f"http://testserver{guidance.phase.get_absolute_url()}"
    assert f'data-share-url="{url}"' in html
    assert f"<figcaption>{url}</figcaption>" in html
