"""Behind a proxy, X-Forwarded-Proto counts only when a trusted proxy sent it: a client that
reaches an app server directly cannot pass for HTTPS."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def test_from_a_trusted_proxy_https_is_believed(client, behind_proxy):
    response = client.get("/", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 200
    assert response.wsgi_request.is_secure()


def test_from_any_other_peer_the_header_is_dropped_and_the_request_is_plain_http(
    client, behind_proxy
):
    response = client.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_PROTO="https")

    # SECURE_SSL_REDIRECT sends a plain-HTTP request to HTTPS: it was not taken for HTTPS.
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert not response.wsgi_request.is_secure()


def test_without_a_proxy_nothing_is_touched(client, settings):
    settings.BEHIND_PROXY = False
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    response = client.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_PROTO="https")

    assert response.wsgi_request.META["HTTP_X_FORWARDED_PROTO"] == "https"
