"""The packages that declare Django 6.0 but not 6.1 are pinned, and work on 6.1.

django-reversion 6.4.0 and django-axes 8.3.1 list Django 6.0 as their newest version; django-otp
1.7.5 names no Django version beyond "4.2 or newer". This file and the tests it names prove them
on the Django this project runs: revisions, restore and recovery in
tests/editing/test_safe_editing.py, lockout in tests/editing/test_login_protection.py, and
two-step login (codes, recovery codes, lockout after wrong codes) in
tests/signin/test_two_step_login.py.
"""

from importlib.metadata import version

import django
import pytest
from django.core import checks


def test_the_suite_runs_on_django_6_1():
    assert django.VERSION[:2] == (6, 1)


def test_the_editing_packages_are_the_pinned_versions():
    assert version("django-reversion") == "6.4.0"
    assert version("django-axes") == "8.3.1"
    assert version("django-otp") == "1.7.5"


def test_django_otp_codes_follow_rfc_6238_on_django_6_1():
    """The RFC's own test vector: SHA-1, key "12345678901234567890", 59 s -> 94287082."""
    from django_otp.oath import TOTP

    code = TOTP(b"12345678901234567890", step=30, t0=0, digits=8)
    code.time = 59

    assert code.token() == 94287082


@pytest.mark.django_db
def test_their_system_checks_pass_on_django_6_1():
    problems = [message for message in checks.run_checks() if message.level >= checks.WARNING]

    assert problems == []
