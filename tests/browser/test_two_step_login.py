"""Two-step login in a real browser: first login with the QR page, then a recovery code and an
app code; axe on every page, in Dutch and English, at phone and desktop width, and without
JavaScript."""

import time
from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Een-lang-wachtwoord-1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", password=PASSWORD, is_staff=True)


def log_in_with_password(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def log_out(page):
    page.click("#logout-form button")


def code_in_steps(secret, steps_ahead=0):
    """The app's code, `steps_ahead` half minutes from now."""
    return f"{totp(b32decode(secret), t0=-30 * steps_ahead):06d}"


def next_code_the_server_takes(secret):
    """A code the server accepts now, though the last was from this very half minute.

    It takes a code once, from one step before to one after its clock (adjusted by the drift it
    learnt at the last code); a real phone would simply wait for the next code.
    """
    device = TOTPDevice.objects.get()
    now = int(time.time()) // device.step + device.drift
    step = max(now - 1, device.last_t + 1)
    return code_in_steps(secret, steps_ahead=step - int(time.time()) // device.step)


def first_login_and_recovery(page, base, check):
    """Set up the app, keep the codes, log out, log in with a recovery code and an app code."""
    log_in_with_password(page, base)
    expect(page).to_have_url(f"{base}/admin/login/set-up/")
    check("set up")
    expect(page.locator("svg.signin-qr")).to_be_visible()
    secret = page.locator("#signin-secret").inner_text().replace(" ", "")

    page.fill("#id_code", "000000")
    page.click("#login-form input[type=submit]")
    expect(page.locator(".signin-error-summary")).to_be_visible()
    expect(page.locator("#id_code")).to_have_attribute("aria-invalid", "true")
    check("set up, wrong code")
    page.wait_for_timeout(1100)  # django-otp makes the app wait a second after a wrong code
    page.fill("#id_code", code_in_steps(secret))
    page.click("#login-form input[type=submit]")

    expect(page.locator(".signin-codes li")).to_have_count(10)
    check("recovery codes")
    recovery = page.locator(".signin-codes li").first.inner_text()
    page.click(".signin a.button")
    expect(page).to_have_url(f"{base}/admin/")
    page.goto(f"{base}/admin/account/login/")
    check("account")

    log_out(page)
    log_in_with_password(page, base)
    expect(page).to_have_url(f"{base}/admin/login/code/")
    check("app code")
    page.click(".signin-other-way a")
    check("recovery code")
    page.fill("#id_code", recovery)
    page.click("#login-form input[type=submit]")
    expect(page).to_have_url(f"{base}/admin/")
    expect(page.locator("#user-tools")).to_be_visible()

    log_out(page)
    log_in_with_password(page, base)
    page.fill("#id_code", next_code_the_server_takes(secret))
    page.click("#login-form input[type=submit]")
    expect(page).to_have_url(f"{base}/admin/")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_first_login_recovery_code_and_app_code_have_no_axe_violations(
    page, live_server, editor, prefix, width
):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    reports = []
    # The QR code is inline SVG without style attributes: the strict CSP blocks nothing.
    blocked = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )

    def check(name):
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports.append(f"{name} ({prefix or '/'}, {width}px):\n{results.generate_report()}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"

    first_login_and_recovery(page, f"{live_server.url}{prefix}", check)

    assert reports == []
    assert blocked == []


def test_two_step_login_works_without_javascript(browser, live_server, editor):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    first_login_and_recovery(page, live_server.url, check=lambda name: None)

    expect(page.locator("#user-tools")).to_be_visible()
    context.close()
