"""Answer ids that fit a short link's code, whatever database the tests run on."""

from django.core.management.color import no_style
from django.db import connection

from wijkscan.models import ScanAnswer


def fit_answer_ids_in_short_codes():
    """Let the next answers get the lowest free ids, which a short code can name (at most 1295).

    PostgreSQL's sequences are not rolled back with a test's transaction: on a kept test database
    (--reuse-db) the next answer id passes 1295 after a few runs, and such an answer has no short
    link. This moves the sequence back to just past the rows there are. SQLite needs nothing.
    """
    statements = connection.ops.sequence_reset_sql(no_style(), [ScanAnswer])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
