"""The "Redacteur" group edits content, not accounts; createeditor adds one."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from tests.factories import GuidanceFactory

pytestmark = pytest.mark.django_db


def test_the_migration_makes_the_redacteur_group_with_content_permissions_only():
    # Run the migration's function itself: a transactional test elsewhere may have flushed the
    # rows the migration made when the test database was created.
    Group.objects.filter(name="Redacteur").delete()
    migration = importlib.import_module("content.migrations.0001_editor_group")
    migration.create_editor_group(apps, schema_editor=None)

    group = Group.objects.get(name="Redacteur")
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))

    assert {"phases", "activities", "examples", "library", "wijkscan"} == labels
    assert group.permissions.filter(codename="change_guidance").exists()
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_createeditor_adds_a_staff_user_in_the_group_who_edits_content_but_not_users(
    client, django_user_model, capsys
):
    call_command("createeditor", "anna", email="anna@example.org", interactive=False)
    editor = django_user_model.objects.get(username="anna")
    assert editor.is_staff
    assert not editor.is_superuser
    assert "changepassword anna" in capsys.readouterr().out
    client.force_login(editor)
    guidance = GuidanceFactory()

    assert (
        client.get(reverse("admin:activities_guidance_change", args=[guidance.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
