import threading

import pytest
from django.urls import reverse

from editing.logins import login_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def lock_dir(settings, tmp_path):
    settings.LOGIN_LOCK_DIR = str(tmp_path)
    settings.LOGIN_WAIT = 0.1
    return tmp_path


def test_a_login_while_every_slot_is_taken_gets_429_without_checking_the_password(
    client, admin_user, lock_dir, django_assert_num_queries
):
    held, release = threading.Event(), threading.Event()

    def hold():
        with login_slot(0):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with django_assert_num_queries(0):
            response = client.post(
                reverse("admin:login"), {"username": "admin", "password": "password"}
            )
    finally:
        release.set()
        holder.join()

    assert response.status_code == 429
    assert response["Retry-After"] == "5"


def test_a_login_with_a_free_slot_goes_through(client, admin_user, lock_dir):
    response = client.post(
        reverse("admin:login"), {"username": "admin", "password": "password", "next": "/admin/"}
    )

    assert response.status_code == 302


def test_the_english_admin_login_is_limited_too(client, lock_dir):
    with login_slot(0):
        response = client.post("/en/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 429


def test_other_posts_are_not_limited(client, lock_dir):
    with login_slot(0):
        response = client.post("/")

    assert response.status_code == 405
