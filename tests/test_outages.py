"""While the database does not answer: a styled 503 with Retry-After, one log line, no traceback.

tests/test_faults.py stops real servers under load; these tests fake the error in one process.
"""

import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

from tests.factories import PhaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_that_does_not_answer_gives_a_styled_503_with_retry_after(visitor, error):
    PhaseFactory(slug="in-rust")
    with mock.patch.object(connection, "cursor", side_effect=error("connection refused")):
        response = visitor.get("/verbinden/in-rust/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    # The styled page, which asks nothing of the database, not the plain-text fallback.
    assert '<html lang="nl">' in body
    assert "De site is even niet beschikbaar" in body
    assert "/static/css/site" in body
    assert "Traceback" not in body
    assert "connection refused" not in body


def test_the_503_page_speaks_english_on_english_pages(visitor):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = visitor.get("/en/")

    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.content.decode()


def test_an_outage_is_logged_in_one_line_without_traceback(visitor, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="django.request"),
        mock.patch.object(connection, "cursor", side_effect=OperationalError("refused\nmore")),
    ):
        visitor.get("/")

    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None
    assert record.getMessage() == "Service Unavailable: / (database unavailable: refused)"


def test_any_other_error_is_still_a_500_with_its_traceback_logged(visitor, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="django.request"),
        mock.patch.object(connection, "cursor", side_effect=ValueError("a bug")),
    ):
        response = visitor.get("/")

    assert response.status_code == 500
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is not None
