"""Editors never lose work: concurrent saves are refused, every save is a revision to restore."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from activities.models import Guidance, Tip
from library.models import Publication
from tests.admin_forms import form_data
from tests.factories import GuidanceFactory, PublicationFactory
from tests.html import select_one

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def guidance():
    return GuidanceFactory(
        introduction_nl="De oude introductie.", introduction_en="The old introduction."
    )


@pytest.fixture
def second_editor(django_user_model, client):
    from django.test import Client

    user = django_user_model.objects.create_superuser("tweede", "tweede@example.org", "x")
    other = Client()
    other.force_login(user)
    return other


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_the_second_of_two_concurrent_saves_is_refused_and_both_edits_are_kept(
    admin_client, second_editor, guidance
):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    theirs = form_data(second_editor.get(url))

    theirs["introduction_nl"] = "Hun nieuwe introductie."
    assert second_editor.post(url, theirs).status_code == 302
    mine["introduction_en"] = "My careful English rewrite."
    response = admin_client.post(url, mine)

    assert response.status_code == 200
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun nieuwe introductie."
    assert guidance.introduction_en == "The old introduction."
    conflict = select_one(response, ".edit-conflict")
    assert "Hun nieuwe introductie." in conflict.text
    assert "De oude introductie." in conflict.text
    assert "tweede" in conflict.text
    assertContains(response, "Iemand anders heeft dit item opgeslagen")
    # My input is still in the form, to merge and save again.
    form = select_one(response, "textarea[name=introduction_en]")
    assert "My careful English rewrite." in form.text


def test_after_the_conflict_the_merged_form_can_be_saved(admin_client, second_editor, guidance):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    theirs = form_data(second_editor.get(url))
    theirs["introduction_nl"] = "Hun nieuwe introductie."
    second_editor.post(url, theirs)
    mine["introduction_en"] = "My careful English rewrite."
    refused = admin_client.post(url, mine)

    merged = form_data(refused)
    merged["introduction_nl"] = "Hun nieuwe introductie."
    assert admin_client.post(url, merged).status_code == 302

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun nieuwe introductie."
    assert guidance.introduction_en == "My careful English rewrite."


def test_a_concurrent_change_to_an_inline_tip_is_not_overwritten(
    admin_client, second_editor, guidance
):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    theirs = form_data(second_editor.get(url))
    tip = guidance.tips.order_by("position", "id").first()
    theirs["tips-0-text_nl"] = "Hun betere tip."
    assert second_editor.post(url, theirs).status_code == 302

    mine["tips-0-text_en"] = "My better tip."
    response = admin_client.post(url, mine)

    assert response.status_code == 200
    tip.refresh_from_db()
    assert tip.text_nl == "Hun betere tip."
    assert "Hun betere tip." in select_one(response, ".edit-conflict").text


def test_the_conflict_message_is_in_english_on_the_english_admin(
    admin_client, second_editor, guidance
):
    url = f"/en{change_url(guidance)}"
    mine = form_data(admin_client.get(url))
    theirs = form_data(second_editor.get(url))
    theirs["introduction_nl"] = "Hun nieuwe introductie."
    second_editor.post(url, theirs)

    response = admin_client.post(url, mine)

    assertContains(response, "Someone else saved this item after you opened it.")


def test_saving_twice_by_one_editor_without_interference_is_no_conflict(admin_client, guidance):
    url = change_url(guidance)
    data = form_data(admin_client.get(url))
    data["introduction_nl"] = "Eerste versie."
    assert admin_client.post(url, data).status_code == 302
    data = form_data(admin_client.get(url))
    data["introduction_nl"] = "Tweede versie."

    assert admin_client.post(url, data).status_code == 302


def test_a_list_editable_change_made_meanwhile_is_not_overwritten(admin_client, second_editor):
    publication = PublicationFactory(position=1)
    url = reverse("admin:library_publication_changelist")
    mine = form_data(admin_client.get(url), "#changelist-form")
    theirs = form_data(second_editor.get(url), "#changelist-form")
    theirs["form-0-position"] = "7"
    theirs["_save"] = "Opslaan"
    assert second_editor.post(url, theirs).status_code == 302

    mine["form-0-position"] = "3"
    mine["_save"] = "Opslaan"
    response = admin_client.post(url, mine)

    assert response.status_code == 200
    publication.refresh_from_db()
    assert publication.position == 7
    assertContains(response, "Iemand anders heeft deze rij gewijzigd")


# History and undo


def save_through_admin(client, obj, comment="", **changes):
    url = change_url(obj)
    data = form_data(client.get(url))
    data.update(changes)
    data["revision_comment"] = comment
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""


def test_every_save_is_a_revision_with_editor_time_and_comment(admin_client, guidance):
    save_through_admin(admin_client, guidance, "Spelling verbeterd", introduction_nl="Nieuw.")

    version = Version.objects.get_for_object(guidance).get()
    assert version.revision.user.username == "admin"
    assert version.revision.comment.startswith("Spelling verbeterd")
    assert version.revision.date_created is not None


def test_restoring_a_revision_brings_back_both_languages_and_the_tips(admin_client, guidance):
    save_through_admin(admin_client, guidance, "Eerste versie")
    first = Version.objects.get_for_object(guidance).get()
    tips_before = sorted(guidance.tips.values_list("text_nl", "text_en"))
    url = change_url(guidance)
    data = form_data(admin_client.get(url))
    data |= {
        "introduction_nl": "Verknoeid.",
        "introduction_en": "Ruined.",
        "tips-0-DELETE": "on",
        "tips-1-text_nl": "Verknoeide tip",
    }
    assert admin_client.post(url, data).status_code == 302
    assert guidance.tips.count() == 1

    revision_url = reverse("admin:activities_guidance_revision", args=[guidance.pk, first.pk])
    restore = form_data(admin_client.get(revision_url))
    assert admin_client.post(revision_url, restore).status_code == 302

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De oude introductie."
    assert guidance.introduction_en == "The old introduction."
    assert sorted(guidance.tips.values_list("text_nl", "text_en")) == tips_before


def test_the_history_compares_two_revisions_field_by_field(admin_client, guidance):
    save_through_admin(admin_client, guidance, "Eerste", introduction_nl="Buren helpen elkaar")
    save_through_admin(
        admin_client, guidance, "Tweede", introduction_nl="Buren helpen elkaar graag"
    )
    history = admin_client.get(reverse("admin:activities_guidance_history", args=[guidance.pk]))
    older, newer = sorted(Version.objects.get_for_object(guidance).values_list("pk", flat=True))
    assertContains(history, f'name="from" value="{older}"')

    response = admin_client.get(
        reverse("admin:activities_guidance_compare", args=[guidance.pk]),
        {"from": older, "to": newer},
    )

    table = select_one(response, ".edit-changes")
    assert "introductie [nl]" in table.text.lower()
    assert select_one(response, ".edit-changes ins").text.strip() == "graag"
    assertNotContains(response, "introductie [en]")


def test_comparing_versions_of_another_item_is_a_404(admin_client, guidance):
    other = GuidanceFactory()
    save_through_admin(admin_client, other)
    version = Version.objects.get_for_object(other).get()

    response = admin_client.get(
        reverse("admin:activities_guidance_compare", args=[guidance.pk]),
        {"from": version.pk, "to": version.pk},
    )

    assert response.status_code == 404


def test_a_deleted_item_can_be_recovered(admin_client):
    publication = PublicationFactory(title="Verloren publicatie")
    save_through_admin(admin_client, publication)
    pk = publication.pk
    delete_url = reverse("admin:library_publication_delete", args=[pk])
    admin_client.post(delete_url, {"post": "yes"})
    assert not Publication.objects.filter(pk=pk).exists()

    recover_list = admin_client.get(reverse("admin:library_publication_recoverlist"))
    assertContains(recover_list, "Verloren publicatie")
    version = Version.objects.get_deleted(Publication).get()
    recover_url = reverse("admin:library_publication_recover", args=[version.pk])
    assert (
        admin_client.post(recover_url, form_data(admin_client.get(recover_url))).status_code == 302
    )

    assert Publication.objects.get(pk=pk).title == "Verloren publicatie"


# Slug changes are confirmed


def test_changing_a_slug_asks_for_confirmation_first(admin_client):
    publication = PublicationFactory(slug="oud")
    url = change_url(publication)
    data = form_data(admin_client.get(url))
    data["slug"] = "nieuw"

    warned = admin_client.post(url, data)

    assert warned.status_code == 200
    assertContains(warned, "Links naar het oude adres")
    publication.refresh_from_db()
    assert publication.slug == "oud"

    data = form_data(warned)
    data["confirm_slug_change"] = "on"
    assert admin_client.post(url, data).status_code == 302
    publication.refresh_from_db()
    assert publication.slug == "nieuw"


def test_a_tip_deleted_by_another_editor_is_reported(admin_client, second_editor, guidance):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    Tip.objects.filter(guidance=guidance).first().delete()

    response = admin_client.post(url, mine)

    assert response.status_code == 200
    assert "verwijderd" in select_one(response, ".edit-conflict").text
    assert Guidance.objects.get(pk=guidance.pk).tips.count() == 1


def test_comparing_without_a_from_version_compares_with_the_one_before(admin_client, guidance):
    save_through_admin(admin_client, guidance, introduction_nl="Buren helpen elkaar")
    compare = reverse("admin:activities_guidance_compare", args=[guidance.pk])
    (only,) = Version.objects.get_for_object(guidance).values_list("pk", flat=True)

    assert admin_client.get(compare, {"to": only}).status_code == 200
    assert admin_client.get(compare, {"to": "x"}).status_code == 404
    assert admin_client.get(compare, {"to": only, "from": "1 OR 1"}).status_code == 404
