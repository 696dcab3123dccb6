import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation

from pagecache.pages import clear_local
from tests.second_factor import force_login_verified

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium: Playwright's own browser download is not available here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the test database reuses content versions."""
    for cache in caches.all():
        cache.clear()
    clear_local()


@pytest.fixture(autouse=True)
def _logins_pass_both_factors(monkeypatch):
    """client.force_login (and admin_client) logs in fully: password and second factor.

    Two-step login is on in the tests, as on a server (tests/second_factor.py).
    """
    monkeypatch.setattr(Client, "force_login", force_login_verified)
