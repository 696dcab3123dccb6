#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkverbinder.settings")
    if "DJANGO_SECRET_KEY" not in os.environ:
        # A checkout without a configured secret is a developer's machine: management commands
        # run with development settings. Servers start through wsgi.py/asgi.py, which do not do
        # this, so a server without DJANGO_SECRET_KEY still refuses to start.
        os.environ.setdefault("DJANGO_DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
