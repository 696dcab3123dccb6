"""An editor's second factors, kept by django-otp: one authenticator app and ten recovery codes.

The app is a TOTP device (RFC 6238: six digits that change every 30 seconds); the recovery codes
are one static device whose tokens are deleted as they are used.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"
RECOVERY_CODE_COUNT = 10


def second_factor_required(user):
    """Whether this user must give a code after their password: everyone the admin lets in."""
    return settings.ADMIN_TWO_FACTOR and (user.is_staff or user.is_superuser)


def confirmed_app(user):
    """The user's authenticator app once its first code was accepted, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def app_to_confirm(user):
    """The app being set up: the same secret on every visit until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def recovery_device(user):
    return StaticDevice.objects.filter(user=user).order_by("pk").first()


def recovery_codes_left(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with ten new ones; returns them, to be shown once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset(user):
    """Forget the user's app and recovery codes: they set up a new app at their next login.

    Sessions that were verified with the old app end at their next request
    (signin.middleware.SecondFactorMiddleware). Returns how many devices were removed.
    """
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        count, _per_model = model.objects.filter(user=user).delete()
        removed += count
    return removed


def secret_text(device):
    """The secret as an app asks for it when typed in by hand: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device, label):
    """The otpauth:// address as an inline SVG image: no script, no style, no data: URL (CSP)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="signin-qr",
        lineclass=None,
        omitsize=True,
    )
    # segno writes no role or name; a screen reader hears the label instead of the squares.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
