import gzip
import logging
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from pagecache import store
from tests.factories import (
    ActivityTypeFactory,
    GuidanceFactory,
    PhaseFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def guidance():
    return GuidanceFactory(
        phase=PhaseFactory(slug="in-rust"),
        activity_type=ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen"),
    )


def test_a_second_visit_is_served_from_the_cache_with_one_query(
    client, guidance, django_assert_num_queries
):
    client.get(guidance.get_absolute_url())

    with django_assert_num_queries(1):  # the content version
        response = client.get(guidance.get_absolute_url())

    assert response.status_code == 200
    assert not response.templates  # nothing was rendered
    assertContains(response, "Elkaar helpen")


def test_saving_content_shows_the_change_at_once(client, guidance):
    client.get(guidance.phase.get_absolute_url())
    activity = guidance.activity_type

    activity.name_nl = "Samen koken"
    activity.save()

    assertContains(client.get(guidance.phase.get_absolute_url()), "Samen koken")


def test_public_pages_send_a_strong_etag_and_must_revalidate(client, guidance):
    response = client.get(guidance.get_absolute_url())

    assert response["ETag"].startswith('"')
    assert response["Cache-Control"] == "public, no-cache"
    vary = response["Vary"]
    assert "HX-Request" in vary
    assert "Accept-Encoding" in vary


def test_the_current_etag_gets_304_without_rendering(client, guidance, django_assert_num_queries):
    etag = client.get(guidance.get_absolute_url())["ETag"]
    caches["pages"].clear()

    with django_assert_num_queries(1):
        response = client.get(guidance.get_absolute_url(), headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert not response.content


def test_an_etag_from_before_an_edit_gets_the_new_page(client, guidance):
    etag = client.get(guidance.get_absolute_url())["ETag"]

    guidance.phase.save()
    response = client.get(guidance.get_absolute_url(), headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_fragment_and_full_page_are_cached_apart(client, guidance):
    page = client.get(guidance.get_absolute_url())
    fragment = client.get(guidance.get_absolute_url(), headers=HTMX)

    assertContains(page, "<html")
    assertNotContains(fragment, "<html")
    assert page["ETag"] != fragment["ETag"]


def test_a_history_restore_gets_the_full_page_even_after_a_fragment(client, guidance):
    client.get(guidance.get_absolute_url(), headers=HTMX)

    response = client.get(
        guidance.get_absolute_url(), headers={**HTMX, "HX-History-Restore-Request": "true"}
    )

    assertContains(response, "<html")


def test_languages_are_cached_apart(client, guidance):
    dutch = client.get(guidance.get_absolute_url())
    english = client.get("/en" + guidance.get_absolute_url())

    assertContains(dutch, '<html lang="nl">')
    assertContains(english, '<html lang="en">')
    assert dutch["ETag"] != english["ETag"]


def test_query_strings_are_cached_apart(client, guidance):
    first = client.get("/?a=1")
    second = client.get("/?a=2")

    assertContains(first, "?a=1")
    assertContains(second, "?a=2")
    assertNotContains(second, "?a=1")


def test_a_visitor_with_a_cookie_is_never_served_or_stored_from_the_cache(client, guidance):
    client.cookies["sessionid"] = "abc"

    response = client.get(guidance.get_absolute_url())

    assert response.templates
    assert "ETag" not in response
    assert "private" in response["Cache-Control"]
    del client.cookies["sessionid"]
    assert client.get(guidance.get_absolute_url()).templates  # nothing was stored


def test_a_logged_in_editor_is_never_served_from_the_cache(client, guidance, admin_user):
    client.get(guidance.get_absolute_url())
    client.force_login(admin_user)

    response = client.get(guidance.get_absolute_url())

    assert response.templates
    assert "private" in response["Cache-Control"]


def test_pages_are_sent_compressed_to_browsers_that_accept_gzip(client, guidance):
    plain = client.get(guidance.get_absolute_url())
    compressed = client.get(guidance.get_absolute_url(), headers={"Accept-Encoding": "gzip, br"})

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] != plain["ETag"]
    assert int(compressed["Content-Length"]) < len(plain.content) / 2


def test_gzip_refused_with_q_zero_gets_the_plain_page(client, guidance):
    response = client.get(guidance.get_absolute_url(), headers={"Accept-Encoding": "gzip;q=0"})

    assert "Content-Encoding" not in response


def test_cached_responses_keep_every_security_header(client, guidance, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    client.get(guidance.get_absolute_url(), secure=True)

    response = client.get(guidance.get_absolute_url(), secure=True)

    assert not response.templates
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Strict-Transport-Security"].startswith("max-age=3600")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert not response.cookies


def test_a_missing_page_is_not_cached(client):
    assert client.get("/verbinden/in-rust/").status_code == 404

    PhaseFactory(slug="in-rust")

    assert client.get("/verbinden/in-rust/").status_code == 200


def test_a_cache_that_is_down_costs_speed_not_the_page(client, guidance):
    with mock.patch.object(caches["pages"], "get", side_effect=ConnectionError("down")):
        response = client.get(guidance.get_absolute_url())

    assert response.status_code == 200


def test_a_cache_that_is_down_logs_its_traceback_once_a_minute_and_one_line_otherwise(
    client, guidance, caplog, monkeypatch
):
    monkeypatch.setattr(store, "_last_traceback", [float("-inf")])
    with (
        caplog.at_level(logging.WARNING, logger="pagecache.store"),
        mock.patch.object(caches["pages"], "get", side_effect=ConnectionError("down")),
        mock.patch.object(caches["pages"], "set", side_effect=ConnectionError("down")),
    ):
        for _ in range(3):
            client.get(guidance.get_absolute_url())

    records = [r for r in caplog.records if r.name == "pagecache.store"]
    assert len(records) >= 3
    assert [r for r in records if r.exc_info] == records[:1]
    assert all("(down)" in r.getMessage() for r in records)


@pytest.mark.parametrize(
    "path",
    ["/", "/verbinden/in-rust/", "/bindingsladder/", "/bibliotheek/", "/wijkscan/", "/sitemap.xml"],
)
def test_every_public_page_answers_if_none_match(client, guidance, path):
    ScanAnswerFactory(question=ScanQuestionFactory(slug="contact"), weights={guidance.phase: 2})
    etag = client.get(path)["ETag"]

    assert client.get(path, headers={"If-None-Match": f'W/"x", {etag}'}).status_code == 304


def test_the_admin_is_not_cached(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("admin:index"))

    assert "ETag" not in response


def test_a_new_release_gets_new_etags_and_fresh_pages(client, guidance, monkeypatch):
    etag = client.get(guidance.get_absolute_url())["ETag"]

    monkeypatch.setattr("pagecache.keys.release_id", lambda: "next-release")
    response = client.get(guidance.get_absolute_url(), headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response.templates
    assert response["ETag"] != etag


def test_pages_that_are_not_public_never_read_the_content_version(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        client.get(reverse("admin:login"))


# --- The page's variant follows from its key alone (tests/pagecache/urls.py) ---


@pytest.fixture
def lenient(settings):
    """As on a server: a view that breaks the rule is logged and not cached, not an error."""
    settings.PAGE_CACHE_STRICT = False


@pytest.mark.urls("tests.pagecache.urls")
def test_a_page_that_reads_a_header_outside_its_key_is_sent_but_never_stored(client, lenient):
    first = client.get("/target/", headers={"HX-Request": "true", "HX-Target": "a"})
    second = client.get("/target/", headers={"HX-Request": "true", "HX-Target": "b"})

    assert (first.content, second.content) == (b"target: a", b"target: b")
    assert not first.has_header("ETag")
    assert "HX-Target" in first["Vary"]
    assert "private" in first["Cache-Control"]


@pytest.mark.urls("tests.pagecache.urls")
def test_a_header_read_through_request_headers_is_noticed_too(client, lenient):
    client.get("/referer/", headers={"Referer": "https://a.example/"})

    response = client.get("/referer/", headers={"Referer": "https://b.example/"})

    assert response.content == b"from: https://b.example/"
    assert "Referer" in response["Vary"]


@pytest.mark.urls("tests.pagecache.urls")
def test_in_tests_such_a_page_is_an_error(client):
    with pytest.raises(ImproperlyConfigured, match="HTTP_HX_TARGET"):
        client.get("/target/", headers={"HX-Request": "true", "HX-Target": "a"})


@pytest.mark.urls("tests.pagecache.urls")
def test_a_response_that_sets_a_cookie_is_never_stored(client):
    client.get("/cookie/")

    response = client.get("/cookie/")

    assert response.cookies["seen"].value == "yes"  # made again, not served from the cache
    assert not response.has_header("ETag")


@pytest.mark.urls("tests.pagecache.urls")
def test_a_percent_encoded_htmx_header_cannot_give_the_page_to_the_fragment(client):
    encoded = {"HX-Request": "%74rue", "HX-Request-URI-AutoEncoded": "true"}
    assert client.get("/plain/", headers=encoded).content == b"plain fragment"

    assert client.get("/plain/").content == b"plain page"


@pytest.mark.urls("tests.pagecache.urls")
def test_an_htmx_header_read_by_hand_cannot_give_the_page_to_the_fragment(client):
    assert client.get("/by-hand/", headers={"HX-Request": "false"}).content == b"fragment"

    assert client.get("/by-hand/").content == b"page"


@pytest.mark.urls("tests.pagecache.urls")
def test_a_view_that_goes_through_every_header_is_never_stored(client, lenient):
    client.get("/every/", headers={"X-One": "1"})

    response = client.get("/every/", headers={"X-One": "1", "X-Two": "2"})

    assert response["Vary"] == "*"
    assert not response.has_header("ETag")


def test_if_none_match_any_is_a_304_for_a_page_that_exists(client, guidance):
    client.get(guidance.get_absolute_url())

    response = client.get(guidance.get_absolute_url(), headers={"If-None-Match": "*"})

    assert response.status_code == 304


def test_if_none_match_any_on_a_page_not_yet_stored_is_a_304_after_rendering(client, guidance):
    response = client.get(guidance.get_absolute_url(), headers={"If-None-Match": "*"})

    assert response.status_code == 304


@pytest.mark.parametrize(
    "address", ["/verbinden/in-rust/bestaat-niet/", "/voorbeelden/?q=" + "x" * 300]
)
def test_if_none_match_any_on_a_missing_or_refused_page_is_not_a_304(client, guidance, address):
    response = client.get(address, headers={"If-None-Match": "*"})

    assert response.status_code in {400, 404}


def test_shared_objects_of_another_release_are_never_used(guidance, monkeypatch):
    from pagecache.objects import shared

    assert shared("1-a", "probe", lambda: "old release") == "old release"
    monkeypatch.setattr("pagecache.keys.release_id", lambda: "next-release")

    assert shared("1-a", "probe", lambda: "new release") == "new release"


def test_with_a_shared_cache_hits_come_from_this_process(client, guidance, settings, tmp_path):
    from pagecache import store

    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    client.get(guidance.get_absolute_url())
    for path in tmp_path.iterdir():
        path.unlink()  # the shared cache forgets; this process still has the page

    response = client.get(guidance.get_absolute_url())

    assert len(store.PAGES._entries) == 1
    assert not response.templates


def test_a_flood_of_new_addresses_never_pushes_out_the_share_forms_limit(client, rf):
    from examples import spam

    request = rf.post("/voorbeelden/delen/", REMOTE_ADDR="192.0.2.7")
    for _ in range(5):
        spam.count_submission(request)
    for number in range(1100):  # more addresses than the page cache keeps
        client.get(f"/voorbeelden/?q=zz{number}")

    assert spam.over_limit(request)
