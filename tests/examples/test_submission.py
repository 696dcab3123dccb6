import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from core.net import client_ip
from examples.models import ExampleSubmission, PracticeExample
from tests.factories import (
    ActivityTypeFactory,
    DividingLineFactory,
    ExampleSubmissionFactory,
    GuidanceFactory,
    PhaseFactory,
)
from tests.html import select_one

pytestmark = pytest.mark.django_db

SUBMIT = "/voorbeelden/delen/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def guidance():
    return GuidanceFactory(
        phase=PhaseFactory(slug="in-rust", name_nl="Rust"),
        activity_type=ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen"),
    )


def _data(guidance, **overrides):
    return {
        "name": "Kookclub De Pan",
        "organisation": "",
        "place": "Zwolle",
        "province": "overijssel",
        "phases": [guidance.phase.pk],
        "activity_types": [guidance.activity_type.pk],
        "target_group": "Nieuwe en oude buren",
        "description": "Elke maand koken nieuwe en oude buren samen in het buurthuis.",
        "what_worked": "Samen boodschappen doen.",
        "what_did_not_work": "Een vaste menukaart.",
        "website": "https://kookclub.example.org/",
        "email": "kok@example.org",
        "homepage": "",
        **overrides,
    }


def test_a_shared_example_is_stored_awaiting_moderation_and_the_person_is_thanked(client, guidance):
    response = client.post(SUBMIT, _data(guidance))

    assertRedirects(response, reverse("examples:thanks"))
    submission = ExampleSubmission.objects.get()
    assert submission.status == ExampleSubmission.Status.NEW
    assert submission.email == "kok@example.org"
    assert list(submission.phases.all()) == [guidance.phase]
    assert not PracticeExample.objects.exists()
    assertContains(client.get(reverse("examples:thanks")), "Zo gaat het verder")


def test_the_thank_you_page_says_what_happens_next(client):
    response = client.get(reverse("examples:thanks"))

    assertContains(response, "Lokaal voorbeeld")
    assertContains(response, "De redactie leest je voorbeeld")


def test_a_validation_error_keeps_everything_that_was_typed(client, guidance):
    response = client.post(SUBMIT, _data(guidance, place="", email="geen-adres"))

    assert response.status_code == 400
    assertContains(response, 'class="error-summary"', status_code=400)
    assertContains(response, "Elke maand koken nieuwe en oude buren", status_code=400)
    assertContains(response, 'value="Kookclub De Pan"', status_code=400)
    assertContains(response, 'value="geen-adres"', status_code=400)
    assertContains(
        response, f'value="{guidance.phase.pk}" id="id_phases_0" checked', status_code=400
    )
    assert not ExampleSubmission.objects.exists()


def test_phases_and_activity_types_are_required(client, guidance):
    response = client.post(SUBMIT, _data(guidance, phases=[], activity_types=[]))

    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"phases", "activity_types"}


def test_a_filled_honeypot_is_thanked_but_not_stored(client, guidance):
    response = client.post(SUBMIT, _data(guidance, homepage="http://spam.example"))

    assertRedirects(response, reverse("examples:thanks"))
    assert not ExampleSubmission.objects.exists()


def test_the_honeypot_is_hidden_from_people(client):
    response = client.get(SUBMIT)

    assertContains(response, '<div class="honeypot">')
    assertContains(response, 'name="homepage"')


# The README promises "one address may share five an hour": the tests hold that number, not the
# code's constant, so changing the limit fails them until the README changes too.
PROMISED_PER_HOUR = 5


def test_an_address_may_share_five_examples_an_hour(client, guidance):
    for _ in range(PROMISED_PER_HOUR):
        assert client.post(SUBMIT, _data(guidance)).status_code == 302

    response = client.post(SUBMIT, _data(guidance, name="Nummer zes"))

    assert response.status_code == 429
    assertContains(response, "Te veel voorbeelden tegelijk", status_code=429)
    assertContains(response, 'value="Nummer zes"', status_code=429)  # nothing typed is lost
    assert ExampleSubmission.objects.count() == 5


def test_an_address_that_shared_five_may_share_again_the_next_hour(client, guidance, monkeypatch):
    ten = timezone.now().replace(hour=10, minute=30)
    monkeypatch.setattr(timezone, "now", lambda: ten)
    for _ in range(PROMISED_PER_HOUR):
        client.post(SUBMIT, _data(guidance))
    assert client.post(SUBMIT, _data(guidance)).status_code == 429

    monkeypatch.setattr(timezone, "now", lambda: ten + datetime.timedelta(hours=1))

    assert client.post(SUBMIT, _data(guidance)).status_code == 302


def test_another_address_is_not_held_back(client, guidance):
    for _ in range(PROMISED_PER_HOUR):
        client.post(SUBMIT, _data(guidance), REMOTE_ADDR="10.0.0.1")

    response = client.post(SUBMIT, _data(guidance), REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302


def test_behind_the_proxy_the_right_most_forwarded_address_counts(rf, settings):
    settings.BEHIND_PROXY = True
    request = rf.post(SUBMIT, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9", REMOTE_ADDR="127.0.0.1")

    assert client_ip(request) == "203.0.113.9"


def test_a_forwarded_address_from_a_peer_that_is_no_trusted_proxy_is_ignored(
    client, guidance, settings
):
    settings.BEHIND_PROXY = True
    for number in range(PROMISED_PER_HOUR):
        forged = {"REMOTE_ADDR": "198.51.100.4", "HTTP_X_FORWARDED_FOR": f"203.0.113.{number}"}
        assert client.post(SUBMIT, _data(guidance), **forged).status_code == 302

    forged = {"REMOTE_ADDR": "198.51.100.4", "HTTP_X_FORWARDED_FOR": "203.0.113.99"}

    assert client.post(SUBMIT, _data(guidance), **forged).status_code == 429


def test_through_a_trusted_proxy_each_forwarded_address_has_its_own_limit(
    client, guidance, settings
):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    via_proxy = {"REMOTE_ADDR": "10.0.0.3", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    for _ in range(PROMISED_PER_HOUR):
        assert client.post(SUBMIT, _data(guidance), **via_proxy).status_code == 302
    assert client.post(SUBMIT, _data(guidance), **via_proxy).status_code == 429

    other = {"REMOTE_ADDR": "10.0.0.3", "HTTP_X_FORWARDED_FOR": "203.0.113.2"}

    assert client.post(SUBMIT, _data(guidance), **other).status_code == 302


def test_an_address_that_shared_five_an_hour_ago_waits_while_the_window_slides(
    client, guidance, monkeypatch
):
    ten = timezone.now().replace(hour=10, minute=30)
    monkeypatch.setattr(timezone, "now", lambda: ten)
    for _ in range(PROMISED_PER_HOUR):
        client.post(SUBMIT, _data(guidance))

    monkeypatch.setattr(timezone, "now", lambda: ten + datetime.timedelta(minutes=40))

    assert client.post(SUBMIT, _data(guidance)).status_code == 429


def test_without_the_proxy_setting_a_forwarded_address_is_ignored(rf, settings):
    settings.BEHIND_PROXY = False
    request = rf.post(SUBMIT, HTTP_X_FORWARDED_FOR="1.1.1.1", REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == "10.0.0.1"


def test_the_form_needs_a_csrf_token(guidance):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    assert client.post(SUBMIT, _data(guidance)).status_code == 403
    assert "csrftoken" in client.get(SUBMIT).cookies


def test_the_form_says_what_is_kept_and_for_how_long(client):
    response = client.get(SUBMIT)

    assertContains(response, "we wissen het zes maanden nadat")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (SUBMIT, ["Noem geen namen", "geloof, afkomst of gezondheid", "/privacy/"]),
        (f"/en{SUBMIT}", ["Do not name residents", "religion, origin or health", "/en/privacy/"]),
    ],
)
def test_the_form_asks_before_the_free_text_not_to_name_people_or_sensitive_details(
    client, path, words
):
    response = client.get(path)

    hint = select_one(response, ".submission-form #privacy-hint")
    for word in words:
        assert word in str(hint)
    free_text = select_one(response, ".submission-form #field-description")
    assert hint.sourceline < free_text.sourceline
    assertContains(response, "Geen namen van mensen." if path == SUBMIT else "No names of people.")


@pytest.fixture
def editor(admin_client):
    return admin_client


def _admin_change(submission):
    return reverse("admin:examples_examplesubmission_change", args=[submission.pk])


def _admin_data(submission, **extra):
    return {
        "name": submission.name,
        "organisation": submission.organisation,
        "place": submission.place,
        "province": submission.province,
        "phases": [p.pk for p in submission.phases.all()],
        "activity_types": [a.pk for a in submission.activity_types.all()],
        "dividing_lines": [d.pk for d in submission.dividing_lines.all()],
        "target_group": submission.target_group,
        "description": submission.description,
        "what_worked": submission.what_worked,
        "what_did_not_work": submission.what_did_not_work,
        "website": submission.website,
        "email": submission.email,
        "rejection_reason": submission.rejection_reason,
        **extra,
    }


def test_the_admin_index_counts_new_submissions(editor):
    ExampleSubmissionFactory.create_batch(2)

    response = editor.get(reverse("admin:index"))

    assertContains(response, "2 gedeelde praktijkvoorbeelden wachten op je beslissing")


def test_submit_approve_and_the_example_is_public_with_the_local_badge(client, editor, guidance):
    line = DividingLineFactory()
    client.post(SUBMIT, _data(guidance, dividing_lines=[line.pk]))
    submission = ExampleSubmission.objects.get()

    response = editor.post(
        _admin_change(submission),
        _admin_data(submission, description="Bijgewerkt door de redactie.", _approve="1"),
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    example = submission.example
    assert submission.status == ExampleSubmission.Status.APPROVED
    assert example.is_published
    assert example.origin == PracticeExample.Origin.LOCAL
    assert example.shared_on == timezone.localdate()
    assert list(example.guidances.all()) == [guidance]
    assert list(example.dividing_lines.all()) == [line]
    page = client.get(example.get_absolute_url())
    assertContains(page, "Bijgewerkt door de redactie.")
    assertContains(page, "Lokaal voorbeeld")
    assertNotContains(page, "kok@example.org")
    listing = client.get("/voorbeelden/", {"soort": "lokaal"})
    assertContains(listing, example.name)
    assertNotContains(listing, "kok@example.org")


def test_rejecting_needs_a_reason(editor):
    submission = ExampleSubmissionFactory()

    response = editor.post(_admin_change(submission), _admin_data(submission, _reject="1"))

    assert response.status_code == 200
    assertContains(response, "Geef de reden van afwijzen.")
    submission.refresh_from_db()
    assert submission.status == ExampleSubmission.Status.NEW


def test_a_rejected_submission_is_kept_and_never_public(client, editor):
    submission = ExampleSubmissionFactory(name="Niet passend initiatief")

    editor.post(
        _admin_change(submission),
        _admin_data(submission, rejection_reason="Geen contact tussen groepen.", _reject="1"),
    )

    submission.refresh_from_db()
    assert submission.status == ExampleSubmission.Status.REJECTED
    assert submission.rejection_reason == "Geen contact tussen groepen."
    assert not PracticeExample.objects.exists()
    assertNotContains(client.get("/voorbeelden/"), "Niet passend initiatief")
    assertNotContains(client.get("/zoeken/", {"q": "passend"}), "Niet passend initiatief")


def test_an_approved_slug_never_takes_a_reserved_or_existing_address():
    from examples.moderation import approve

    first = approve(ExampleSubmissionFactory(name="Delen"))
    second = approve(ExampleSubmissionFactory(name="Delen"))

    assert first.slug == "delen-2"
    assert second.slug == "delen-3"


def test_the_share_form_address_is_not_an_example(client):
    assert client.get(SUBMIT).templates[0].name == "examples/submission_form.html"


def test_e_mail_addresses_are_erased_six_months_after_the_decision():
    old = ExampleSubmissionFactory(
        status="rejected",
        rejection_reason="Past niet.",
        decided_at=timezone.now() - datetime.timedelta(days=200),
    )
    recent = ExampleSubmissionFactory(
        status="rejected", rejection_reason="Past niet.", decided_at=timezone.now()
    )
    waiting = ExampleSubmissionFactory()

    call_command("erasesubmissionemails", verbosity=0)

    old.refresh_from_db()
    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.email, recent.email, waiting.email) == (
        "",
        "initiatiefnemer@example.org",
        "initiatiefnemer@example.org",
    )
