"""A gemeente's editors see and change only its layer; national editors see everything."""

import pytest
import reversion
from django.core.management import call_command
from django.urls import reverse

from contacts.models import Contact
from tests.factories import ContactFactory, GemeenteFactory, PhaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def layers():
    phase = PhaseFactory(slug="bij-spanningen")
    utrecht = GemeenteFactory(slug="utrecht", name="Utrecht")
    zwolle = GemeenteFactory(slug="zwolle", name="Zwolle")
    with reversion.create_revision():
        own = ContactFactory(gemeente=utrecht, phases=[phase], name_nl="Buurtbemiddeling Utrecht")
        theirs = ContactFactory(gemeente=zwolle, phases=[phase], name_nl="Wijkteam Zwolle")
        national = ContactFactory(phases=[phase], name_nl="Politie, geen spoed")
    return {
        "phase": phase,
        "utrecht": utrecht,
        "zwolle": zwolle,
        "own": own,
        "theirs": theirs,
        "national": national,
    }


@pytest.fixture
def local_editor(client, layers, django_user_model):
    call_command("createeditor", "ilse", gemeente="utrecht", interactive=False, verbosity=0)
    client.force_login(django_user_model.objects.get(username="ilse"))
    return client


def _admin(name, *args):
    return reverse(f"admin:{name}", args=args)


def test_the_list_shows_only_the_own_gemeentes_contacts(local_editor, layers):
    response = local_editor.get(_admin("contacts_contact_changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [layers["own"]]


@pytest.mark.parametrize("row", ["theirs", "national"])
@pytest.mark.parametrize("view", ["change", "delete", "history", "compare"])
def test_every_view_of_another_layers_row_is_a_404(local_editor, layers, row, view):
    contact = layers[row]

    response = local_editor.get(_admin(f"contacts_contact_{view}", contact.pk))

    assert response.status_code == 404


def test_the_own_contacts_views_work(local_editor, layers):
    for view in ("change", "delete", "history"):
        response = local_editor.get(_admin(f"contacts_contact_{view}", layers["own"].pk))
        assert response.status_code == 200, view


def test_a_revision_of_another_layers_row_is_a_404(local_editor, layers):
    from reversion.models import Version

    version = Version.objects.get_for_object(layers["theirs"]).first()

    response = local_editor.get(
        _admin("contacts_contact_revision", layers["theirs"].pk, version.pk)
    )

    assert response.status_code == 404


def test_a_deleted_row_of_another_gemeente_is_neither_listed_nor_recoverable(local_editor, layers):
    from reversion.models import Version

    theirs = layers["theirs"]
    version = Version.objects.get_for_object(theirs).first()
    with reversion.create_revision():
        theirs.delete()

    listed = local_editor.get(_admin("contacts_contact_recoverlist"))
    recover = local_editor.get(_admin("contacts_contact_recover", version.pk))

    assert listed.status_code == 200
    assert "Wijkteam Zwolle" not in listed.content.decode()
    assert recover.status_code == 404


def test_adding_a_contact_offers_only_the_own_gemeente_and_refuses_another(local_editor, layers):
    add = _admin("contacts_contact_add")
    form = local_editor.get(add).context["adminform"].form

    assert list(form.fields["gemeente"].queryset) == [layers["utrecht"]]
    assert form.fields["gemeente"].required

    data = {
        "gemeente": layers["zwolle"].pk,
        "name_nl": "Stiekem",
        "description_nl": "Poging in een andere gemeente.",
        "phases": [layers["phase"].pk],
        "position": 0,
    }
    response = local_editor.post(add, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["gemeente"]
    data["gemeente"] = ""
    assert local_editor.post(add, data).context["adminform"].form.errors["gemeente"]
    assert not Contact.objects.filter(name_nl="Stiekem").exists()


def test_the_gemeente_list_holds_only_the_own_and_offers_no_add(local_editor, layers):
    response = local_editor.get(_admin("gemeenten_gemeente_changelist"))

    assert list(response.context["cl"].result_list) == [layers["utrecht"]]
    assert local_editor.get(_admin("gemeenten_gemeente_add")).status_code == 403
    assert (
        local_editor.get(_admin("gemeenten_gemeente_change", layers["zwolle"].pk)).status_code
        == 404
    )


def test_a_gemeente_editor_cannot_change_its_host_names_or_national_content(local_editor, layers):
    page = local_editor.get(_admin("gemeenten_gemeente_change", layers["utrecht"].pk))

    assert page.status_code == 200
    assert 'name="hosts-0-name"' not in page.content.decode()
    assert local_editor.get(_admin("phases_phase_changelist")).status_code == 403


def test_a_national_editor_sees_every_layer(client, layers, django_user_model):
    call_command("createeditor", "noor", interactive=False, verbosity=0)
    client.force_login(django_user_model.objects.get(username="noor"))

    response = client.get(_admin("contacts_contact_changelist"))

    assert set(response.context["cl"].result_list) == {
        layers["own"],
        layers["theirs"],
        layers["national"],
    }
    assert client.get(_admin("contacts_contact_change", layers["theirs"].pk)).status_code == 200
