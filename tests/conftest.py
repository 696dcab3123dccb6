import pytest
from django.core.cache import caches
from django.utils import translation

from pagecache.pages import clear_local

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
