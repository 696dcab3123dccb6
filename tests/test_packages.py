"""The packages that declare Django 6.0 but not 6.1 are pinned, and work on 6.1.

django-reversion 6.4.0 and django-axes 8.3.1 list Django 6.0 as their newest version. This file
and the tests it names prove them on the Django this project runs: revisions, restore and
recovery in tests/core/test_safe_editing.py, lockout in tests/core/test_login_protection.py.
"""

from importlib.metadata import version

import django
from django.core import checks


def test_the_suite_runs_on_django_6_1():
    assert django.VERSION[:2] == (6, 1)


def test_the_editing_packages_are_the_pinned_versions():
    assert version("django-reversion") == "6.4.0"
    assert version("django-axes") == "8.3.1"


def test_their_system_checks_pass_on_django_6_1():
    problems = [message for message in checks.run_checks() if message.level >= checks.WARNING]

    assert problems == []
