"""Two-step login for the admin: a password, then a code from an app or a recovery code."""

import re
import time
from base64 import b32decode, b32encode
from binascii import unhexlify

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from signin import devices, pending
from tests.second_factor import force_login_password_only
from tests.test_security import _run

pytestmark = pytest.mark.django_db

PASSWORD = "juist-wachtwoord-2026"
LOGIN = reverse("admin:login")
CODE = reverse("signin:code")
RECOVERY = reverse("signin:recovery")
ENROL = reverse("signin:enrol")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", password=PASSWORD, is_staff=True)


@pytest.fixture
def app(editor):
    return TOTPDevice.objects.create(user=editor, name="app", confirmed=True)


@pytest.fixture
def no_waiting(settings):
    """django-otp's growing wait after a wrong code, off: each code is really checked."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code_for(device, offset=0):
    return f"{totp(device.bin_key, t0=device.t0 - offset * device.step):06d}"


def log_in_with_password(client, password=PASSWORD, prefix=""):
    return client.post(
        f"{prefix}{LOGIN}",
        {"username": "redacteur", "password": password, "next": f"{prefix}/admin/"},
    )


def is_logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


# --- First login: setting up the app ---


def test_the_first_login_sets_up_an_app_by_qr_code_and_shows_ten_recovery_codes_once(
    client, editor
):
    response = log_in_with_password(client)
    assertRedirects(response, ENROL, fetch_redirect_response=False)
    assert not is_logged_in(client)

    page = client.get(ENROL)
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("svg.signin-qr[role=img][aria-label]")
    secret = soup.select_one("#signin-secret").get_text().replace(" ", "")
    code = f"{totp(b32decode(secret)):06d}"
    done = client.post(ENROL, {"code": code})

    assertRedirects(done, reverse("signin:recovery_codes"), fetch_redirect_response=False)
    shown = client.get(reverse("signin:recovery_codes"))
    codes = [
        li.get_text().replace(" ", "")
        for li in BeautifulSoup(shown.content, "html.parser").select(".signin-codes li")
    ]
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assertContains(shown, 'href="/admin/"')
    # Shown once: a second look finds them gone.
    assertRedirects(client.get(reverse("signin:recovery_codes")), reverse("signin:account"))
    assert is_logged_in(client)
    assert TOTPDevice.objects.get(user=editor).confirmed


def test_the_qr_code_holds_the_same_secret_as_the_text_until_it_is_confirmed(client, editor):
    log_in_with_password(client)

    first = client.get(ENROL)
    again = client.get(ENROL)

    device = TOTPDevice.objects.get(user=editor)
    secret = b32encode(device.bin_key).decode()
    assert not device.confirmed
    for page in (first, again):
        shown = BeautifulSoup(page.content, "html.parser").select_one("#signin-secret").get_text()
        assert shown.replace(" ", "") == secret
    assert f"secret={secret}" in device.config_url
    assert "issuer=Wijkverbinder" in device.config_url


def test_a_wrong_code_at_set_up_confirms_nothing(client, editor):
    log_in_with_password(client)
    client.get(ENROL)

    response = client.post(ENROL, {"code": "000000"})

    assert response.status_code == 400
    assertContains(response, "Deze code klopt niet", status_code=400)
    assert not TOTPDevice.objects.get(user=editor).confirmed
    assert not is_logged_in(client)
    assert AccessAttempt.objects.get(username="redacteur").failures_since_start == 1


def test_the_set_up_page_speaks_english_on_the_english_admin(client, editor):
    response = log_in_with_password(client, prefix="/en")
    assertRedirects(response, f"/en{ENROL}", fetch_redirect_response=False)

    page = client.get(f"/en{ENROL}")

    assertContains(page, "Set up two-step login")
    assertContains(page, 'lang="en"')


def test_a_password_alone_cannot_set_up_a_second_app(client, app):
    log_in_with_password(client)

    response = client.post(ENROL, {"code": "123456"})

    assertRedirects(response, CODE, fetch_redirect_response=False)
    assert list(TOTPDevice.objects.values_list("pk", flat=True)) == [app.pk]


# --- Logging in with the app ---


def test_a_right_password_alone_logs_nobody_in(client, app):
    response = log_in_with_password(client)

    assertRedirects(response, CODE, fetch_redirect_response=False)
    assert not is_logged_in(client)


def test_the_code_from_the_app_finishes_the_login(client, app):
    log_in_with_password(client)

    response = client.post(CODE, {"code": code_for(app)})

    assertRedirects(response, "/admin/", fetch_redirect_response=False)
    assert is_logged_in(client)


def test_a_code_from_the_previous_half_minute_is_still_taken(client, app):
    log_in_with_password(client)

    response = client.post(CODE, {"code": code_for(app, offset=-1)})

    assert response.status_code == 302


def test_a_used_code_is_not_taken_twice(client, app, no_waiting):
    code = code_for(app)
    log_in_with_password(client)
    client.post(CODE, {"code": code})
    client.post(reverse("admin:logout"))

    log_in_with_password(client)
    response = client.post(CODE, {"code": code})

    assert response.status_code == 400


def test_a_wrong_code_gets_an_error_summary_linked_to_the_field(client, app):
    log_in_with_password(client)

    response = client.post(CODE, {"code": "12345x"})

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".signin-error-summary")
    assert summary.select_one("a")["href"] == "#id_code"
    field = soup.select_one("#id_code")
    assert field["aria-invalid"] == "true"
    assert field["autocomplete"] == "one-time-code"
    assert field["inputmode"] == "numeric"
    assert soup.select_one("label[for=id_code]")
    assert not is_logged_in(client)


def test_a_megabyte_in_the_code_field_is_a_form_error(client, app):
    log_in_with_password(client)

    response = client.post(CODE, {"code": "9" * 1_000_000})

    assert response.status_code == 400
    assertContains(response, "errornote", status_code=400)


def test_the_code_pages_without_a_password_send_you_to_log_in(client, app):
    for step in (CODE, RECOVERY, ENROL):
        response = client.post(step, {"code": "123456"})
        assertRedirects(response, LOGIN, fetch_redirect_response=False)


def test_a_login_left_half_done_too_long_starts_again(client, app):
    log_in_with_password(client)
    session = client.session
    session[pending.PENDING_KEY]["since"] = time.time() - pending.PENDING_SECONDS - 1
    session.save()

    response = client.post(CODE, {"code": code_for(app)})

    assertRedirects(response, LOGIN, fetch_redirect_response=False)
    assert not is_logged_in(client)


def test_a_password_changed_during_the_login_ends_it(client, app):
    log_in_with_password(client)
    app.user.set_password("een-ander-wachtwoord-2026")
    app.user.save()

    response = client.post(CODE, {"code": code_for(app)})

    assertRedirects(response, LOGIN, fetch_redirect_response=False)


def test_the_login_goes_on_to_the_page_asked_for(client, app):
    wanted = reverse("admin:auth_user_changelist")
    client.post(LOGIN, {"username": "redacteur", "password": PASSWORD, "next": wanted})

    response = client.post(CODE, {"code": code_for(app)})

    assertRedirects(response, wanted, fetch_redirect_response=False)


def test_a_foreign_next_address_is_not_followed(client, app):
    client.post(
        LOGIN, {"username": "redacteur", "password": PASSWORD, "next": "https://evil.example/"}
    )

    response = client.post(CODE, {"code": code_for(app)})

    assertRedirects(response, "/admin/", fetch_redirect_response=False)


# --- Recovery codes ---


def test_a_recovery_code_logs_in_once(client, app, no_waiting):
    code = devices.new_recovery_codes(app.user)[0]
    log_in_with_password(client)

    first = client.post(RECOVERY, {"code": f"{code[:4]} {code[4:].upper()}"})

    assertRedirects(first, "/admin/", fetch_redirect_response=False)
    assert is_logged_in(client)
    assert devices.recovery_codes_left(app.user) == 9
    client.post(reverse("admin:logout"))
    log_in_with_password(client)
    second = client.post(RECOVERY, {"code": code})
    assert second.status_code == 400
    assertContains(second, "al gebruikt", status_code=400)
    assert not is_logged_in(client)


def test_the_recovery_field_takes_letters(client, app):
    log_in_with_password(client)

    page = client.get(RECOVERY)

    field = BeautifulSoup(page.content, "html.parser").select_one("#id_code")
    assert field["autocomplete"] == "one-time-code"
    assert "inputmode" not in field.attrs


def test_new_recovery_codes_from_the_account_page_replace_the_old_ones(client, editor):
    client.force_login(editor)
    old = devices.new_recovery_codes(editor)
    assertContains(client.get(reverse("signin:account")), "10 ongebruikte herstelcodes")

    response = client.post(reverse("signin:account"), follow=True)

    new = [
        li.get_text().replace(" ", "")
        for li in BeautifulSoup(response.content, "html.parser").select(".signin-codes li")
    ]
    assert len(new) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


def test_the_account_page_is_linked_from_every_admin_page(admin_client):
    assertContains(admin_client.get(reverse("admin:index")), reverse("signin:account"))


# --- django-axes counts wrong codes as failed logins ---


def test_five_wrong_codes_lock_the_account_even_for_the_right_code(client, app, no_waiting):
    log_in_with_password(client)
    for _ in range(4):
        assert client.post(CODE, {"code": "000000"}).status_code == 400

    locked = client.post(CODE, {"code": "000000"})

    assert locked.status_code == 429
    assertContains(locked, "Inloggen tijdelijk geblokkeerd", status_code=429)
    assert client.post(CODE, {"code": code_for(app)}).status_code == 429
    assert log_in_with_password(client).status_code == 429
    assert not is_logged_in(client)


def test_wrong_passwords_and_wrong_codes_count_together(client, app, no_waiting):
    for _ in range(3):
        log_in_with_password(client, password="fout")
    log_in_with_password(client)
    client.post(CODE, {"code": "000000"})

    locked = client.post(RECOVERY, {"code": "aaaaaaaa"})

    assert locked.status_code == 429


def test_a_good_code_clears_the_failures(client, app, no_waiting):
    log_in_with_password(client)
    for _ in range(4):
        client.post(CODE, {"code": "000000"})

    client.post(CODE, {"code": code_for(app)})

    assert not AccessAttempt.objects.filter(username="redacteur").exists()


def test_wrong_codes_in_a_row_make_the_app_wait_and_say_so(client, app):
    log_in_with_password(client)
    client.post(CODE, {"code": "000000"})

    response = client.post(CODE, {"code": code_for(app)})

    assertContains(response, "Wacht na een verkeerde code een paar seconden", status_code=400)


def test_the_typed_code_is_not_stored_with_the_failed_attempt(client, app, no_waiting):
    log_in_with_password(client)

    client.post(CODE, {"code": "314159"})

    attempt = AccessAttempt.objects.get(username="redacteur")
    assert "314159" not in attempt.post_data


# --- Who needs a code, and the setting ---


def test_with_the_setting_off_the_password_is_enough(client, editor, settings):
    settings.ADMIN_TWO_FACTOR = False

    response = log_in_with_password(client)

    assertRedirects(response, "/admin/", fetch_redirect_response=False)
    assert is_logged_in(client)
    assert not TOTPDevice.objects.exists()
    assertContains(client.get(reverse("signin:account")), "staat uit")


def test_a_superuser_needs_a_code_too(client, django_user_model):
    django_user_model.objects.create_superuser("beheer", "b@example.org", PASSWORD)

    response = client.post(LOGIN, {"username": "beheer", "password": PASSWORD})

    assertRedirects(response, ENROL, fetch_redirect_response=False)


def test_a_session_without_its_second_factor_is_logged_out(client, editor):
    force_login_password_only(client, editor)

    response = client.get(reverse("admin:index"))

    assertRedirects(response, f"{LOGIN}?next=/admin/", fetch_redirect_response=False)
    assert "_auth_user_id" not in client.session


def test_resetting_a_lost_phone_ends_its_sessions_and_asks_for_a_new_app(client, editor):
    client.force_login(editor)
    devices.new_recovery_codes(editor)
    assert is_logged_in(client)

    call_command("resettwofactor", "redacteur", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert devices.recovery_codes_left(editor) == 0
    assert not is_logged_in(client)
    assertRedirects(log_in_with_password(client), ENROL, fetch_redirect_response=False)


def test_resetting_an_unknown_user_says_so():
    with pytest.raises(CommandError, match="No user named"):
        call_command("resettwofactor", "niemand")


def test_the_test_app_key_is_a_real_totp_key(app):
    assert len(unhexlify(app.key)) == 20
    assert re.fullmatch(r"\d{6}", code_for(app))


# --- The users list: who set up an app, and a reset for a lost phone ---


def test_a_superuser_resets_an_editors_two_step_login_from_the_users_list(admin_client, app):
    changelist = reverse("admin:auth_user_changelist")
    assertContains(admin_client.get(changelist), "column-has_app")

    response = admin_client.post(
        changelist,
        {"action": "reset_two_step_login", "_selected_action": [app.user.pk]},
        follow=True,
    )

    assertContains(response, "opnieuw ingesteld voor 1 gebruiker")
    assert not TOTPDevice.objects.filter(user=app.user).exists()


def test_only_a_superuser_may_reset_two_step_login(client, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(editor)

    response = client.get(reverse("admin:auth_user_changelist"))

    assert response.status_code == 200
    assertNotContains(response, "reset_two_step_login")


@pytest.mark.parametrize(
    ("env", "on"),
    [
        ({}, True),
        ({"DJANGO_DEBUG": "true"}, False),
        ({"DJANGO_ADMIN_2FA": "false"}, False),
        ({"DJANGO_DEBUG": "true", "DJANGO_ADMIN_2FA": "true"}, True),
    ],
    ids=["server", "development", "turned-off", "on-in-development"],
)
def test_the_setting_is_on_unless_debug_or_turned_off(env, on):
    result = _run(
        "-c",
        "from django.conf import settings; print(settings.ADMIN_TWO_FACTOR)",
        env={"DJANGO_SECRET_KEY": "x", **env},
    )

    assert result.stdout.strip() == str(on), result.stderr
