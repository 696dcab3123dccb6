"""Logging helpers referred to from settings.LOGGING."""

import logging


class WithoutTraceback(logging.Filter):
    """Keep the one-line message, drop the traceback: for requests that are simply bad.

    Django logs a forged Host header or too many query fields (a 400) with the exception
    attached; the traceback says nothing the message does not, and floods the log.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True


class DatabaseUnavailableInOneLine(logging.Filter):
    """While the database is down every request fails the same way: one line each, no traceback.

    The first line names the error (e.g. "connection refused"); the health check and the 503
    pages say the rest. Every other error keeps its traceback.
    """

    def filter(self, record):
        if record.exc_info and _is_database_unavailable(record.exc_info[1]):
            record.msg = f"{record.msg} (database unavailable: %s)"
            record.args = (*(record.args or ()), str(record.exc_info[1]).strip().splitlines()[0])
            record.exc_info = None
            record.exc_text = None
        return True


def _is_database_unavailable(error):
    from django.db import InterfaceError, OperationalError

    return isinstance(error, OperationalError | InterfaceError)
