"""Keep password hashing from taking every core: a limit on logins checked at once, per host.

Each login attempt costs about 0.35 s of CPU (PBKDF2). A handful of clients posting to the admin
login would otherwise keep every core busy and the public pages waiting. At most
settings.LOGIN_CONCURRENCY attempts are checked at once on one machine (all gunicorn workers and
threads share the lock files); an attempt that finds no free slot within LOGIN_WAIT seconds gets
429 at once, without hashing. The proxy's rate limit (deploy/nginx.conf) stops most attempts
before they get here; this is the floor under it for a bare gunicorn.
"""

import fcntl
import os
import tempfile
import time
from contextlib import contextmanager

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

POLL = 0.05


def _lock_path(slot):
    directory = getattr(settings, "LOGIN_LOCK_DIR", "") or tempfile.gettempdir()
    return os.path.join(directory, f"wijkverbinder-login-{slot}.lock")


@contextmanager
def login_slot(wait):
    """Yield True holding one of the host's login slots, or False if none came free in time."""
    deadline = time.monotonic() + wait
    while True:
        for slot in range(settings.LOGIN_CONCURRENCY):
            handle = open(_lock_path(slot), "a")  # noqa: SIM115 (closed below)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() >= deadline:
            yield False
            return
        time.sleep(POLL)


def _login_paths():
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("admin:login"))
    return paths


class LoginConcurrencyMiddleware:
    """Let at most LOGIN_CONCURRENCY login POSTs per host hash passwords at the same time."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = None

    def __call__(self, request):
        if request.method != "POST":
            return self.get_response(request)
        if self.paths is None:
            self.paths = _login_paths()
        if request.path not in self.paths:
            return self.get_response(request)
        with login_slot(settings.LOGIN_WAIT) as acquired:
            if acquired:
                return self.get_response(request)
        response = HttpResponse(
            "Te veel inlogpogingen tegelijk; probeer het over een paar seconden opnieuw.\n"
            "Too many login attempts at once; try again in a few seconds.\n",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "5"
        return response
