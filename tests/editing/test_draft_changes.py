"""Draft changes: published content changed in the admin without going live until published."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from activities.models import Guidance
from editing.drafts import page_of
from editing.models import DraftChange
from tests.admin_forms import form_data
from tests.factories import (
    GuidanceFactory,
    PhaseFactory,
    PracticeExampleFactory,
    PublicationFactory,
)
from tests.html import select_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidance():
    return GuidanceFactory(
        introduction_nl="De gepubliceerde introductie.",
        introduction_en="The published introduction.",
    )


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def draft_url(obj, name="draft"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[obj.pk])


def save_draft(client, obj, **changes):
    url = change_url(obj)
    data = form_data(client.get(url)) | changes | {"_save_draft": "Bewaar als concept-wijziging"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    return response


def draft_of_guidance(admin_client, guidance):
    first = guidance.tips.order_by("position", "id").first()
    save_draft(
        admin_client,
        guidance,
        introduction_nl="De nieuwe introductie.",
        introduction_en="The new introduction.",
        **{
            "tips-0-DELETE": "on",
            "tips-2-kind": "works",
            "tips-2-text_nl": "Een nieuwe tip.",
            "tips-2-text_en": "A new tip.",
        },
    )
    return first


def test_a_draft_change_leaves_the_public_page_as_it_was(admin_client, client, guidance):
    tips_before = set(guidance.tips.values_list("pk", flat=True))
    draft_of_guidance(admin_client, guidance)

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De gepubliceerde introductie."
    assert set(guidance.tips.values_list("pk", flat=True)) == tips_before
    assert not Version.objects.get_for_object(guidance).exists()
    page = client.get(guidance.get_absolute_url())
    assertContains(page, "De gepubliceerde introductie.")
    assertNotContains(page, "De nieuwe introductie.")
    assertNotContains(page, "Een nieuwe tip.")


def test_the_admin_names_the_draft_change_its_author_and_time(admin_client, guidance):
    draft_of_guidance(admin_client, guidance)

    form = admin_client.get(change_url(guidance))

    title = select_one(form, "#edit-draft-title").text
    assert title.startswith("Concept-wijziging van admin, ")
    assert DraftChange.objects.get().author.username == "admin"


def test_a_draft_change_is_not_in_open_data(admin_client, client, guidance):
    draft_of_guidance(admin_client, guidance)

    for name in ("guidance", "phases", "activity-types", "examples", "publications"):
        for fmt in ("csv", "json"):
            url = reverse("content:open_data_file", kwargs={"name": name, "fmt": fmt})
            response = client.get(url)
            assert response.status_code == 200
            body = b"".join(response) if response.streaming else response.content
            assert b"De nieuwe introductie" not in body
            assert b"A new tip" not in body


def test_editors_preview_the_page_as_it_will_be_in_both_languages(admin_client, guidance):
    draft_of_guidance(admin_client, guidance)

    dutch = admin_client.get(draft_url(guidance, "draft_preview"))
    english = admin_client.get("/en" + draft_url(guidance, "draft_preview"))

    assert dutch.status_code == 200
    assertContains(dutch, "De nieuwe introductie.")
    assertContains(dutch, "Een nieuwe tip.")
    assert "Concept" in select_one(dutch, ".draft-banner").text
    assert "no-store" in dutch["Cache-Control"]
    assertContains(english, "The new introduction.")
    assertContains(english, "A new tip.")
    # The preview left nothing behind.
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De gepubliceerde introductie."


def test_nobody_without_the_right_sees_the_preview(
    admin_client, client, django_user_model, guidance
):
    draft_of_guidance(admin_client, guidance)
    url = draft_url(guidance, "draft_preview")
    staff = django_user_model.objects.create_user("kijker", password="x", is_staff=True)

    anonymous = client.get(url)
    client.force_login(staff)
    without_permission = client.get(url)

    assert anonymous.status_code == 302
    assert without_permission.status_code == 404
    assertNotContains(without_permission, "De nieuwe introductie.", status_code=404)


def test_publishing_now_is_a_revision_and_restore_works_across_it(admin_client, guidance):
    removed = draft_of_guidance(admin_client, guidance)
    call_command("publish_scheduled", verbosity=0)  # not scheduled: stays a draft
    assert DraftChange.objects.exists()

    response = admin_client.post(draft_url(guidance), {"action": "publish"})

    assert response.status_code == 302
    guidance = Guidance.objects.get(pk=guidance.pk)
    assert guidance.introduction_nl == "De nieuwe introductie."
    texts = set(guidance.tips.values_list("text_nl", flat=True))
    assert "Een nieuwe tip." in texts
    assert not guidance.tips.filter(pk=removed.pk).exists()
    assert not DraftChange.objects.exists()
    (published,) = Version.objects.get_for_object(guidance)
    assert "gepubliceerd" in published.revision.comment
    assert published.revision.user.username == "admin"

    # Save once more, then restore the published version.
    url = change_url(guidance)
    data = form_data(admin_client.get(url)) | {"introduction_nl": "Later gewijzigd."}
    assert admin_client.post(url, data).status_code == 302
    revision = reverse("admin:activities_guidance_revision", args=[guidance.pk, published.pk])
    assert admin_client.post(revision, form_data(admin_client.get(revision))).status_code == 302
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De nieuwe introductie."


def test_a_scheduled_draft_change_is_published_by_the_command_once_due(admin_client, guidance):
    draft_of_guidance(admin_client, guidance)
    when = timezone.localtime() + timedelta(hours=2)

    response = admin_client.post(
        draft_url(guidance),
        {"action": "schedule", "publish_at": when.strftime("%Y-%m-%dT%H:%M")},
    )

    assert response.status_code == 302
    draft = DraftChange.objects.get()
    assert draft.publish_at is not None
    call_command("publish_scheduled", verbosity=0)
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De gepubliceerde introductie."

    # The moment passes while no run happens: the next run publishes it.
    DraftChange.objects.update(publish_at=timezone.now() - timedelta(hours=1))
    call_command("publish_scheduled", verbosity=0)

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De nieuwe introductie."
    assert not DraftChange.objects.exists()


def test_a_time_in_the_past_is_not_scheduled(admin_client, guidance):
    draft_of_guidance(admin_client, guidance)

    response = admin_client.post(
        draft_url(guidance),
        {"action": "schedule", "publish_at": "2001-01-01T10:00"},
        follow=True,
    )

    assertContains(response, "Kies een moment in de toekomst")
    assert DraftChange.objects.get().publish_at is None


def test_the_draft_actions_refuse_get_and_unknown_actions(admin_client, guidance):
    draft_of_guidance(admin_client, guidance)

    assert admin_client.get(draft_url(guidance)).status_code == 405
    assert admin_client.post(draft_url(guidance), {"action": "x"}).status_code == 400


def test_a_draft_change_of_a_publication_is_previewed_and_discarded(admin_client, client):
    publication = PublicationFactory(summary_nl="Oude samenvatting.")
    save_draft(admin_client, publication, summary_nl="Nieuwe samenvatting.")

    assertContains(
        admin_client.get(draft_url(publication, "draft_preview")), "Nieuwe samenvatting."
    )
    admin_client.post(draft_url(publication), {"action": "discard"})

    assert not DraftChange.objects.exists()
    publication.refresh_from_db()
    assert publication.summary_nl == "Oude samenvatting."


def _site_page():
    from pages.models import SitePage

    return SitePage.objects.create(slug="over", title_nl="Over ons", body_nl="Oude tekst.")


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: PhaseFactory(), "headline_nl"),
        (lambda: GuidanceFactory().activity_type, "summary_nl"),
        (lambda: PracticeExampleFactory(), "description_nl"),
        (_site_page, "body_nl"),
    ],
    ids=["phase", "activity type", "example", "footer page"],
)
def test_every_kind_of_published_content_takes_a_draft_change(admin_client, client, make, field):
    obj = make()
    save_draft(admin_client, obj, **{field: "Tekst uit het concept."})

    preview = admin_client.get(draft_url(obj, "draft_preview"))

    assertContains(preview, "Tekst uit het concept.")
    obj.refresh_from_db()
    assert getattr(obj, field) != "Tekst uit het concept."
    assertNotContains(client.get(page_of(obj).get_absolute_url()), "Tekst uit het concept.")


def test_publishing_keeps_changes_made_to_the_published_version_since(admin_client, guidance):
    save_draft(admin_client, guidance, introduction_nl="Nieuw in het concept.")
    tip = guidance.tips.order_by("position", "id").first()
    url = change_url(guidance)
    data = form_data(admin_client.get(url)) | {
        "introduction_en": "Changed while the draft waited.",
        "tips-0-text_en": "A tip changed meanwhile.",
    }
    assert admin_client.post(url, data).status_code == 302

    admin_client.post(draft_url(guidance), {"action": "publish"})

    guidance.refresh_from_db()
    tip.refresh_from_db()
    assert guidance.introduction_nl == "Nieuw in het concept."
    assert guidance.introduction_en == "Changed while the draft waited."
    assert tip.text_en == "A tip changed meanwhile."
    assert not DraftChange.objects.exists()


def test_a_field_changed_in_both_is_not_published_without_a_choice(admin_client, guidance):
    save_draft(admin_client, guidance, introduction_nl="Nieuw in het concept.")
    url = change_url(guidance)
    data = form_data(admin_client.get(url)) | {"introduction_nl": "Intussen gepubliceerd."}
    assert admin_client.post(url, data).status_code == 302

    refused = admin_client.post(draft_url(guidance), {"action": "publish"}, follow=True)
    call_command("publish_scheduled", verbosity=0)

    assertContains(refused, "Niet gepubliceerd")
    assert "Introductie · Nederlands" in select_one(refused, ".edit-draft ul").text
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Intussen gepubliceerd."
    admin_client.post(draft_url(guidance), {"action": "publish_over"})
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Nieuw in het concept."


def test_the_command_leaves_a_scheduled_draft_that_clashes_for_an_editor(
    admin_client, guidance, capsys
):
    save_draft(admin_client, guidance, introduction_nl="Nieuw in het concept.")
    Guidance.objects.filter(pk=guidance.pk).update(introduction_nl="Intussen gewijzigd.")
    DraftChange.objects.update(publish_at=timezone.now() - timedelta(minutes=1))

    call_command("publish_scheduled", verbosity=0)

    assert DraftChange.objects.exists()
    assert "Not published" in capsys.readouterr().err
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Intussen gewijzigd."
