import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread


class SerialWSGIServer(WSGIServer):
    """A live server that answers one request at a time.

    On SQLite the tests' database lives in memory, and the live server's threads share its one
    connection with the test: two requests at once (a page and its htmx poll) could read through
    it at the same moment and get garbage. Answered in turn they cannot; Django closes each
    connection after its response when the server is not threaded, so no browser waits on a
    kept-alive one.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


if connection.vendor == "sqlite":
    LiveServerThread.server_class = SerialWSGIServer


@pytest.fixture
def seeded_server(live_server, transactional_db):
    """The live server with the shipped seed content, as a visitor would meet it."""
    call_command("seed", verbosity=0)
    return live_server
