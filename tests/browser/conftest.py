import pytest
from django.core.management import call_command


@pytest.fixture
def seeded_server(live_server, transactional_db):
    """The live server with the shipped seed content, as a visitor would meet it."""
    call_command("seed", verbosity=0)
    return live_server
