"""Five failed logins for a username from one address lock it for 15 minutes (django-axes)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from core.net import client_ip

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def try_login(client, password, username="redacteur", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur", password="juist-wachtwoord-2026", is_staff=True
    )


def test_five_failed_logins_lock_the_account_with_a_clear_message(client, editor):
    for _ in range(4):
        assert try_login(client, "fout").status_code == 200

    locked = try_login(client, "fout")

    assert locked.status_code == 429
    assertContains(locked, "Inloggen tijdelijk geblokkeerd", status_code=429)
    assertContains(locked, "15 minuten", status_code=429)
    # Even the right password is refused while the lock lasts.
    assert try_login(client, "juist-wachtwoord-2026").status_code == 429


def test_the_lock_message_is_in_english_on_the_english_admin(client, editor):
    for _ in range(5):
        response = client.post(
            f"/en{LOGIN}", {"username": "redacteur", "password": "fout", "next": "/en/admin/"}
        )

    assertContains(response, "Login blocked for now", status_code=429)


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, editor):
    app = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    for _ in range(4):
        try_login(client, "fout")

    assert try_login(client, "juist-wachtwoord-2026").status_code == 302
    # The login succeeds, and the count is reset, once the second factor is given too.
    assert (
        client.post(reverse("signin:code"), {"code": f"{totp(app.bin_key):06d}"}).status_code == 302
    )
    assert not AccessAttempt.objects.filter(username="redacteur").exists()


def test_the_lock_is_for_one_username_from_one_address(client, editor, django_user_model):
    django_user_model.objects.create_user("ander", password="ander-wachtwoord-2026", is_staff=True)
    for _ in range(5):
        try_login(client, "fout")

    assert try_login(client, "ander-wachtwoord-2026", username="ander").status_code == 302
    other_address = try_login(client, "juist-wachtwoord-2026", REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, editor, settings):
    for _ in range(5):
        try_login(client, "fout")
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )

    assert try_login(client, "juist-wachtwoord-2026").status_code == 302


def test_an_admin_unlocks_an_account_by_deleting_its_attempts(client, editor):
    for _ in range(5):
        try_login(client, "fout")

    AccessAttempt.objects.filter(username="redacteur").delete()

    assert try_login(client, "juist-wachtwoord-2026").status_code == 302


def test_the_forwarded_header_is_ignored_unless_behind_a_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "127.0.0.1"
    with override_settings(BEHIND_PROXY=True):
        assert client_ip(request) == "1.2.3.4"


def test_behind_a_proxy_only_the_address_the_proxy_added_counts():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4"
    )

    with override_settings(BEHIND_PROXY=True):
        assert client_ip(request) == "1.2.3.4"


def test_a_forged_forwarded_address_from_an_untrusted_peer_does_not_dodge_the_lockout(
    client, editor, settings
):
    settings.BEHIND_PROXY = True
    for number in range(5):
        try_login(
            client, "fout", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR=f"1.2.3.{number}"
        )

    response = try_login(
        client, "juist-wachtwoord-2026", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="1.2.3.9"
    )

    assert response.status_code != 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.4"


def test_through_a_trusted_proxy_the_lockout_is_per_forwarded_address(client, editor, settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(5):
        try_login(client, "fout", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="1.2.3.4")
    locked = try_login(
        client, "juist-wachtwoord-2026", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )

    other = try_login(
        client, "juist-wachtwoord-2026", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="1.2.3.5"
    )

    assert locked.status_code != 302
    assert other.status_code == 302


def test_password_validators_are_on(settings):
    names = {validator["NAME"].rsplit(".", 1)[1] for validator in settings.AUTH_PASSWORD_VALIDATORS}

    assert {"MinimumLengthValidator", "CommonPasswordValidator"} <= names
