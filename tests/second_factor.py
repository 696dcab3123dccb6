"""Logging in for tests, past the second factor (README, Signing in).

The tests run with DJANGO_ADMIN_2FA on, as a server does. tests/conftest.py makes every
`client.force_login(user)` (and so pytest-django's `admin_client`) a full login: password and a
verified authenticator app. Tests of the login itself use `force_login_password_only` or go
through the login pages.
"""

from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

# Django's own force_login, kept before tests/conftest.py wraps it.
force_login_password_only = Client.force_login


def mark_verified(client, user):
    """Record in the client's session that `user` gave a code from their (test) app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def force_login_verified(client, user, backend=None):
    force_login_password_only(client, user, backend)
    mark_verified(client, user)


def log_in_browser(page, base_url, user):
    """Give a Playwright page the session of a full login, without typing password or code."""
    client = Client()
    force_login_verified(client, user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
