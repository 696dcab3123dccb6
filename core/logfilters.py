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
