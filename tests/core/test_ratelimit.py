"""Rate limits shared by every worker: a sliding window, counted in the database or in Redis."""

import datetime
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import timezone

from core.models import RateLimitCount
from core.net import client_ip, client_key
from core.ratelimit import RateLimit

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


def request_from(address, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=address, **extra)


@pytest.fixture
def clock(monkeypatch):
    now = {"at": NOON}
    monkeypatch.setattr(timezone, "now", lambda: now["at"])

    def move_to(minutes):
        now["at"] = NOON + datetime.timedelta(minutes=minutes)

    return move_to


@pytest.fixture(params=["database", "redis"])
def backend(request, settings):
    """Every test runs against both stores; Redis is a real redis-server on a loopback port."""
    if request.param == "database":
        settings.REDIS_URL = ""
        yield "database"
        return
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(port=port)
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
        yield "redis"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_limit_lets_exactly_the_limit_through(backend, clock):
    limit = RateLimit("probe", 5, 3600)
    request = request_from("192.0.2.1")

    passed = [limit.hit(request) for _ in range(8)]

    assert passed == [True] * 5 + [False] * 3
    assert limit.exceeded(request)


def test_looking_counts_nothing(backend, clock):
    limit = RateLimit("probe", 2, 3600)
    request = request_from("192.0.2.1")

    for _ in range(5):
        assert not limit.exceeded(request)

    assert limit.hit(request)


def test_each_address_and_each_limit_count_apart(backend, clock):
    first, second = RateLimit("first", 1, 3600), RateLimit("second", 1, 3600)
    assert first.hit(request_from("192.0.2.1"))

    assert not first.hit(request_from("192.0.2.1"))
    assert first.hit(request_from("192.0.2.2"))
    assert second.hit(request_from("192.0.2.1"))


def test_the_window_slides_instead_of_starting_afresh_each_hour(backend, clock):
    limit = RateLimit("probe", 4, 3600)
    request = request_from("192.0.2.1")
    clock(50)  # 12:50: four, near the end of the hour
    for _ in range(4):
        assert limit.hit(request)

    clock(65)  # 13:05: the previous hour still counts for 55 of its 60 minutes

    assert not limit.hit(request)
    clock(115)  # 13:55: it counts for 5 minutes' worth, a third of one
    assert limit.hit(request)
    assert limit.hit(request)


def test_requests_at_the_same_moment_never_get_past_the_limit(backend, clock, transactional_db):
    from django.db import connection

    if backend == "database" and connection.vendor == "sqlite":
        pytest.skip(
            "the in-memory test database locks tables between threads; the gunicorn test "
            "(tests/test_release.py) posts at once to a SQLite file"
        )
    limit = RateLimit("probe", 5, 3600)

    def attempt(_):
        try:
            return limit.hit(request_from("192.0.2.1"))
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(attempt, range(14)))

    assert results.count(True) == 5


def test_an_ipv6_client_counts_by_its_64_network(backend, clock):
    limit = RateLimit("probe", 1, 3600)
    assert limit.hit(request_from("2001:db8:1:2::1"))

    assert not limit.hit(request_from("2001:db8:1:2::ffff"))
    assert limit.hit(request_from("2001:db8:1:3::1"))


def test_database_rows_of_windows_that_no_longer_count_are_deleted(clock, settings):
    settings.REDIS_URL = ""
    limit = RateLimit("probe", 5, 60)
    for minute in range(5):
        clock(minute)
        limit.hit(request_from(f"192.0.2.{minute}"))

    assert set(RateLimitCount.objects.values_list("window", flat=True)) == {
        NOON.timestamp() // 60 + 3,
        NOON.timestamp() // 60 + 4,
    }


def test_while_redis_does_not_answer_the_database_counts(clock, settings, caplog):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    limit = RateLimit("probe", 2, 3600)
    request = request_from("192.0.2.1")

    assert [limit.hit(request) for _ in range(3)] == [True, True, False]
    assert limit.exceeded(request)
    assert RateLimitCount.objects.get().count == 2
    assert "Redis unavailable" in caplog.text


# --- Who the client is -------------------------------------------------------------------------


def test_without_a_proxy_the_forwarded_header_is_never_read(settings):
    settings.BEHIND_PROXY = False

    assert client_ip(request_from("127.0.0.1", "203.0.113.5")) == "127.0.0.1"


def test_from_a_peer_that_is_no_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]

    assert client_ip(request_from("198.51.100.4", "203.0.113.5")) == "198.51.100.4"


def test_from_a_trusted_proxy_the_address_it_added_counts(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]

    assert client_ip(request_from("127.0.0.1", "6.6.6.6, 203.0.113.5")) == "203.0.113.5"
    assert client_ip(request_from("::1", "203.0.113.5")) == "203.0.113.5"


def test_a_chain_of_trusted_proxies_is_walked_to_the_first_address_outside_it(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]

    request = request_from("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.7")

    assert client_ip(request) == "203.0.113.5"


def test_a_forwarded_entry_that_is_no_address_stops_the_walk(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    assert client_ip(request_from("127.0.0.1", "203.0.113.5, nonsense")) == "127.0.0.1"
    assert client_ip(request_from("127.0.0.1", "")) == "127.0.0.1"


def test_the_rate_limit_key_of_an_ipv4_mapped_address_is_the_ipv4_address(settings):
    settings.BEHIND_PROXY = False

    assert client_key(request_from("::ffff:192.0.2.1")) == "192.0.2.1"


def test_exceeded_says_exactly_whether_a_hit_would_fail(backend, clock):
    limit = RateLimit("probe", 5, 3600)
    request = request_from("192.0.2.1")
    clock(50)
    for _ in range(5):
        limit.hit(request)

    clock(66)  # the previous hour weighs 4.5: one more would make 5.5
    assert limit.exceeded(request)
    assert not limit.hit(request)
    clock(90)  # it weighs 2.5 now
    assert not limit.exceeded(request)
    assert limit.hit(request)


def test_a_trusted_proxy_that_is_no_address_stops_every_command_with_a_clear_message():
    import os
    import sys

    env = {**os.environ, "DJANGO_SECRET_KEY": "x", "DJANGO_TRUSTED_PROXIES": "proxy.example"}
    env["DJANGO_SETTINGS_MODULE"] = "wijkverbinder.settings"

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parent.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES: 'proxy.example' is no IP address or network" in result.stderr
