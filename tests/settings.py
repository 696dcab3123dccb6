"""Test settings: the real settings module, with test-only secrets and speed-ups."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
# Tests run with production-like settings, whatever a developer's .env says.
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# Two-step login for the admin is on, as on a server (tests/second_factor.py logs in fully).
os.environ["DJANGO_ADMIN_2FA"] = "true"
# Playwright's sync API runs an event loop in the test thread; Django's ORM is still safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from wijkverbinder.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The browser tests talk plain HTTP to the live server.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Login slots of our own, not shared with another checkout's test run on the same machine.
LOGIN_LOCK_DIR = tempfile.mkdtemp(prefix="wijkverbinder-test-logins-")
PAGE_CACHE_STRICT = True
# Django's test client asks for "testserver" (Django adds it to ALLOWED_HOSTS; the national hosts
# are SITE_HOSTS here).
SITE_HOSTS = [*SITE_HOSTS, "testserver"]  # noqa: F405
