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


def opened_by_both(admin_client, second_editor, guidance):
    url = change_url(guidance)
    return url, form_data(admin_client.get(url)), form_data(second_editor.get(url))


def test_a_field_only_the_colleague_changed_keeps_their_value(
    admin_client, second_editor, guidance
):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    theirs["introduction_nl"] = "Hun nieuwe introductie."
    assert second_editor.post(url, theirs).status_code == 302

    mine["introduction_en"] = "My careful English rewrite."
    response = admin_client.post(url, mine, follow=True)

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun nieuwe introductie."
    assert guidance.introduction_en == "My careful English rewrite."
    assertContains(response, "Behouden uit hun opslag: Introductie · Nederlands")


def test_a_tip_only_the_colleague_changed_keeps_their_text(admin_client, second_editor, guidance):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    tip = guidance.tips.order_by("position", "id").first()
    theirs["tips-0-text_en"] = "Their English tip."
    assert second_editor.post(url, theirs).status_code == 302

    mine["tips-0-text_nl"] = "Mijn betere tip."
    assert admin_client.post(url, mine).status_code == 302

    tip.refresh_from_db()
    assert (tip.text_nl, tip.text_en) == ("Mijn betere tip.", "Their English tip.")


def test_a_field_only_i_changed_takes_my_value(admin_client, second_editor, guidance):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    theirs["target_group_advice_nl"] = "Hun advies."
    assert second_editor.post(url, theirs).status_code == 302

    mine["introduction_nl"] = "Mijn introductie."
    assert admin_client.post(url, mine).status_code == 302

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Mijn introductie."
    assert guidance.target_group_advice_nl == "Hun advies."


def refused_by_a_field_both_changed(admin_client, second_editor, guidance):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    theirs["introduction_nl"] = "Hun introductie."
    theirs["tips-0-text_en"] = "Their English tip."
    assert second_editor.post(url, theirs).status_code == 302
    mine["introduction_nl"] = "Mijn introductie."
    return url, admin_client.post(url, mine)


def test_a_field_both_changed_is_shown_side_by_side_with_no_choice_made(
    admin_client, second_editor, guidance
):
    _url, response = refused_by_a_field_both_changed(admin_client, second_editor, guidance)

    assert response.status_code == 200
    choice = select_one(response, ".edit-conflict fieldset.edit-choice")
    assert "Introductie · Nederlands" in choice.select_one("legend").text
    assert "Hun introductie." in choice.text
    assert "Mijn introductie." in choice.text
    assert "De oude introductie." in choice.text
    assert not choice.select("input[checked]")
    tip = guidance.tips.order_by("position", "id").first()
    taken = select_one(response, ".edit-taken").text
    assert f"Tip (dit werkt wel) {tip.position} · Engels" in taken
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun introductie."


@pytest.mark.parametrize(
    ("choice", "kept"), [("mine", "Mijn introductie."), ("theirs", "Hun introductie.")]
)
def test_the_chosen_version_of_a_field_both_changed_is_saved(
    admin_client, second_editor, guidance, choice, kept
):
    url, refused = refused_by_a_field_both_changed(admin_client, second_editor, guidance)
    data = form_data(refused)
    data["_merge_object.introduction_nl"] = choice

    assert admin_client.post(url, data).status_code == 302

    guidance.refresh_from_db()
    assert guidance.introduction_nl == kept
    assert guidance.tips.order_by("position", "id").first().text_en == "Their English tip."


def test_resubmitting_the_conflict_form_as_it_came_never_drops_the_colleagues_change(
    admin_client, second_editor, guidance
):
    url, refused = refused_by_a_field_both_changed(admin_client, second_editor, guidance)

    again = admin_client.post(url, form_data(refused))

    assert again.status_code == 200
    assert select_one(again, ".edit-conflict fieldset.edit-choice")
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun introductie."
    # Chosen on the second round, the colleague's English tip is still kept.
    data = form_data(again)
    data["_merge_object.introduction_nl"] = "mine"
    assert admin_client.post(url, data).status_code == 302
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Mijn introductie."
    assert guidance.tips.order_by("position", "id").first().text_en == "Their English tip."


def test_a_choice_made_before_the_colleague_saved_again_does_not_count(
    admin_client, second_editor, guidance
):
    url, refused = refused_by_a_field_both_changed(admin_client, second_editor, guidance)
    theirs = form_data(second_editor.get(url))
    theirs["introduction_nl"] = "Hun tweede introductie."
    assert second_editor.post(url, theirs).status_code == 302
    data = form_data(refused)
    data["_merge_object.introduction_nl"] = "mine"

    assert admin_client.post(url, data).status_code == 200

    guidance.refresh_from_db()
    assert guidance.introduction_nl == "Hun tweede introductie."


def test_a_change_form_posted_without_its_token_counts_as_a_conflict(admin_client, guidance):
    url = change_url(guidance)
    data = form_data(admin_client.get(url))
    del data["edit_token"]
    data["introduction_nl"] = "Zonder token."

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "Introductie · Nederlands" in select_one(response, "fieldset.edit-choice").text
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De oude introductie."
    data = form_data(response)
    data["_merge_object.introduction_nl"] = "mine"
    assert admin_client.post(url, data).status_code == 302


def test_a_tampered_token_counts_as_a_conflict(admin_client, guidance):
    url = change_url(guidance)
    data = form_data(admin_client.get(url))
    data["edit_token"] = "nep"
    data["introduction_nl"] = "Met een vals token."

    assert admin_client.post(url, data).status_code == 200
    guidance.refresh_from_db()
    assert guidance.introduction_nl == "De oude introductie."


def test_a_tip_both_changed_needs_a_choice_named_by_its_kind_place_and_language(
    admin_client, second_editor, guidance
):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    tip = guidance.tips.order_by("position", "id").first()
    theirs["tips-0-text_nl"] = "Hun betere tip."
    assert second_editor.post(url, theirs).status_code == 302

    mine["tips-0-text_nl"] = "Mijn betere tip."
    response = admin_client.post(url, mine)

    assert response.status_code == 200
    tip.refresh_from_db()
    assert tip.text_nl == "Hun betere tip."
    legend = select_one(response, "fieldset.edit-choice legend").text
    assert legend == f"Tip (dit werkt wel) {tip.position} · Nederlands"


def test_the_conflict_message_is_in_english_on_the_english_admin(
    admin_client, second_editor, guidance
):
    url = f"/en{change_url(guidance)}"
    mine = form_data(admin_client.get(url))
    theirs = form_data(second_editor.get(url))
    theirs["introduction_nl"] = "Hun nieuwe introductie."
    second_editor.post(url, theirs)
    mine["introduction_nl"] = "My own introduction."

    response = admin_client.post(url, mine)

    assertContains(response, "Someone else saved this item after you opened it.")
    assert "Introduction · Dutch" in select_one(response, "fieldset.edit-choice legend").text


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
    assert "Introductie · Nederlands" in table.text
    assert select_one(response, ".edit-changes ins").text.strip() == "graag"
    assertNotContains(response, "Introductie · English")


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


def test_a_tip_the_colleague_removed_stays_removed_when_i_did_not_change_it(admin_client, guidance):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    Tip.objects.filter(guidance=guidance).order_by("position", "id").first().delete()
    mine["introduction_nl"] = "Mijn introductie."

    assert admin_client.post(url, mine).status_code == 302

    guidance = Guidance.objects.get(pk=guidance.pk)
    assert guidance.tips.count() == 1
    assert guidance.introduction_nl == "Mijn introductie."


def test_a_tip_the_colleague_removed_that_i_changed_comes_back_as_a_new_tip(admin_client, guidance):
    url = change_url(guidance)
    mine = form_data(admin_client.get(url))
    Tip.objects.filter(guidance=guidance).order_by("position", "id").first().delete()
    mine["tips-0-text_nl"] = "Mijn tip blijft."

    response = admin_client.post(url, mine, follow=True)

    assertContains(response, "jouw gewijzigde tekst blijft als nieuwe rij")
    texts = set(Guidance.objects.get(pk=guidance.pk).tips.values_list("text_nl", flat=True))
    assert "Mijn tip blijft." in texts
    assert len(texts) == 2


def test_the_returned_form_lists_each_tip_beside_its_own_row(admin_client, second_editor, guidance):
    url, mine, theirs = opened_by_both(admin_client, second_editor, guidance)
    first, second = guidance.tips.order_by("position", "id")
    theirs["introduction_nl"] = "Hun introductie."
    theirs["tips-0-DELETE"] = "on"
    theirs["tips-2-text_nl"] = "Hun nieuwe tip."
    theirs["tips-2-text_en"] = "Their new tip."
    theirs["tips-2-kind"] = "works"
    theirs["tips-2-position"] = "0"
    assert second_editor.post(url, theirs).status_code == 302
    mine["introduction_nl"] = "Mijn introductie."

    refused = admin_client.post(url, mine)

    data = form_data(refused)
    ids = [data.get(f"tips-{i}-id") for i in range(int(data["tips-INITIAL_FORMS"]))]
    stored = [str(pk) for pk in guidance.tips.values_list("pk", flat=True)]
    assert ids == stored
    assert str(first.pk) not in ids
    data["_merge_object.introduction_nl"] = "mine"
    assert admin_client.post(url, data).status_code == 302
    texts = set(guidance.tips.values_list("text_nl", flat=True))
    assert texts == {second.text_nl, "Hun nieuwe tip."}


def test_comparing_without_a_from_version_compares_with_the_one_before(admin_client, guidance):
    save_through_admin(admin_client, guidance, introduction_nl="Buren helpen elkaar")
    compare = reverse("admin:activities_guidance_compare", args=[guidance.pk])
    (only,) = Version.objects.get_for_object(guidance).values_list("pk", flat=True)

    assert admin_client.get(compare, {"to": only}).status_code == 200
    assert admin_client.get(compare, {"to": "x"}).status_code == 404
    assert admin_client.get(compare, {"to": only, "from": "1 OR 1"}).status_code == 404
