import pytest
from django.test import override_settings
from django.urls import path
from pytest_django.asserts import assertContains

from tests.factories import GuidanceFactory, PhaseFactory
from tests.html import hrefs, select_one
from wijkverbinder.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def _broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("kapot/", _broken_view), *site_urlpatterns]
handler500 = "wijkverbinder.views.server_error"


@pytest.mark.parametrize(
    "path",
    [
        "/verbinden/",
        "/verbinden/in-rust/../",
        "/verbinden/IN-RUST/",
        "/verbinden/in_rust%00/",
        "/verbinden/%F0%9F%92%A5/",
        "/verbinden/" + "a" * 5000 + "/",
        "/verbinden/in-rust/elkaar-helpen/extra/",
        "/verbinden/in-rust/%27%20OR%201=1--/",
        "/en/verbinden/%E2%80%AE/",
    ],
)
def test_odd_urls_of_the_walk_answer_404_never_500(client, path):
    GuidanceFactory(phase=PhaseFactory(slug="in-rust"), activity_type__slug="elkaar-helpen")

    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize("query", ["?page=x", "?%ZZ=1", "?a=" + "b" * 10000, "?hx=1&hx=2"])
def test_query_strings_do_not_break_the_walk(client, query):
    guidance = GuidanceFactory()

    assert client.get(f"/{query}").status_code == 200
    assert client.get(guidance.phase.get_absolute_url() + query).status_code == 200
    assert client.get(guidance.get_absolute_url() + query).status_code == 200


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_gets_the_styled_500_page_in_its_language(client):
    client.raise_request_exception = False

    nl = client.get("/kapot/")

    assertContains(nl, "Er ging bij ons iets mis", status_code=500)
    assertContains(nl, '<html lang="nl">', status_code=500)


def test_400_page_is_styled(client, settings):
    settings.SITE_HOSTS = ["testserver"]

    response = client.get("/", headers={"Host": "evil.example"})

    assertContains(response, "We konden dit verzoek niet verwerken", status_code=400)


def test_the_language_switch_on_a_404_leads_to_the_home_page_of_the_other_language(client):
    response = client.get("/bestaat-niet/", headers={"Accept-Language": "en"})

    assert response.status_code == 404
    switch = select_one(response, "#language-switcher")
    assert hrefs(switch) == ["/bestaat-niet/", "/en/"]


def test_the_language_switch_on_an_english_404_leads_to_the_dutch_home_page(client):
    response = client.get("/en/bestaat-niet/")

    switch = select_one(response, "#language-switcher")
    assert hrefs(switch) == ["/", "/en/bestaat-niet/"]


@override_settings(ROOT_URLCONF=__name__)
def test_when_the_500_page_itself_fails_a_plain_text_answer_is_given(client, monkeypatch):
    client.raise_request_exception = False

    def broken_render(*args, **kwargs):
        raise RuntimeError("the template is broken too")

    monkeypatch.setattr("wijkverbinder.views.render", broken_render)

    response = client.get("/kapot/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == "500 - Er ging iets mis / Something went wrong"
