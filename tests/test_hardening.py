import logging
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection

from tests.factories import PhaseFactory, ScanAnswerFactory, ScanQuestionFactory

pytestmark = pytest.mark.django_db


def test_pages_turn_off_the_browser_features_the_site_never_uses(client):
    policy = client.get("/")["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_healthz_answers_200_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_a_cache_that_does_not_answer_and_stays_200(client):
    """Pages are still served, uncached: no reason to take the server out of the pool."""
    with mock.patch.object(caches["pages"], "set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "down"}


def test_healthz_answers_503_when_the_database_does_not_answer(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "ok"}


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_security_txt_is_absent_without_a_contact(client, settings):
    settings.SECURITY_CONTACT = []

    assert client.get("/.well-known/security.txt").status_code == 404


def test_security_txt_names_the_contact_and_an_expiry(client, settings):
    settings.SECURITY_CONTACT = ["security@example.nl", "https://example.nl/melden"]
    settings.SECURITY_TXT_EXPIRES = "2027-06-30"

    response = client.get("/.well-known/security.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Contact: mailto:security@example.nl\n" in text
    assert "Contact: https://example.nl/melden\n" in text
    assert "Expires: 2027-06-30T00:00:00Z\n" in text
    assert "Canonical: http://testserver/.well-known/security.txt\n" in text


def test_a_forged_host_header_gets_400_and_one_log_line_without_traceback(client, settings, caplog):
    settings.SITE_HOSTS = ["testserver"]

    with caplog.at_level(logging.WARNING):
        response = client.get("/", headers={"Host": "evil.example"})

    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert records
    assert all(record.exc_info is None for record in records)


def test_too_many_query_fields_get_400_and_no_traceback(client, caplog):
    ScanAnswerFactory(question=ScanQuestionFactory(slug="contact"), weights={PhaseFactory(): 2})
    query = "&".join(f"k{number}=v" for number in range(1500))

    with caplog.at_level(logging.WARNING):
        response = client.get(f"/wijkscan/?{query}")

    assert response.status_code == 400
    records = [r for r in caplog.records if r.name.startswith("django.security")]
    assert records
    assert all(record.exc_info is None for record in records)
