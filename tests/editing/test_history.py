"""History that reads well: a first version for existing content, numbers and seconds, restore."""

import re

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from activities.models import Guidance
from library.models import Publication
from tests.admin_forms import form_data
from tests.factories import GuidanceFactory, PublicationFactory
from tests.html import select_one

pytestmark = pytest.mark.django_db


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def save(client, obj, **changes):
    url = change_url(obj)
    data = form_data(client.get(url)) | changes
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""


def test_seeded_content_has_a_first_version_so_the_first_edit_can_be_undone(admin_client):
    call_command("seed", verbosity=0)
    guidance = Guidance.objects.filter(tips__isnull=False).first()
    (first,) = Version.objects.get_for_object(guidance)
    assert first.revision.comment.startswith("Eerste versie")
    assert first.revision.version_set.filter(content_type__model="tip").count() == (
        guidance.tips.count()
    )
    original = guidance.introduction_nl
    save(admin_client, guidance, introduction_nl="Per ongeluk overschreven.")

    revision = reverse("admin:activities_guidance_revision", args=[guidance.pk, first.pk])
    assert admin_client.post(revision, form_data(admin_client.get(revision))).status_code == 302

    guidance.refresh_from_db()
    assert guidance.introduction_nl == original


def test_content_from_before_revisions_gets_its_first_version_once_after_migrate():
    publication = PublicationFactory()
    guidance = GuidanceFactory()
    assert not Version.objects.exists()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert Version.objects.get_for_object(publication).count() == 1
    assert Version.objects.get_for_object(guidance).count() == 1
    tips = guidance.tips.all()
    assert all(Version.objects.get_for_object(tip).count() == 1 for tip in tips)


def test_the_history_numbers_versions_and_shows_seconds(admin_client):
    publication = PublicationFactory()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    save(admin_client, publication, summary_nl="Nieuwe samenvatting")

    response = admin_client.get(history_url(publication))

    rows = [row.text for row in response_rows(response)]
    assert re.search(r"versie 2 · \d{1,2} \w+ \d{4} \d{2}:\d{2}:\d{2}", rows[0])
    assert "versie 1 ·" in rows[1]
    assert "deze versie terugzetten" in rows[1]
    assert "deze versie terugzetten" not in rows[0]


def response_rows(response):
    return select_one(response, "#change-history tbody").select("tr")


def test_the_restore_page_speaks_plainly_and_has_the_admins_breadcrumbs(admin_client):
    publication = PublicationFactory(title="Oude titel")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    save(admin_client, publication, summary_nl="Nieuwe samenvatting")
    first = Version.objects.get_for_object(publication).order_by("pk").first()

    response = admin_client.get(
        reverse("admin:library_publication_revision", args=[publication.pk, first.pk])
    )

    assertContains(response, "deze versie terug te zetten")
    assertNotContains(response, "het object")
    crumbs = select_one(response, "nav ol.breadcrumbs")
    assert crumbs.select_one("[aria-current=page]").text.strip() == "Versie 1"
    assert select_one(response, "h1").text.startswith("Versie 1 van")


def test_compare_names_versions_by_number(admin_client):
    publication = PublicationFactory(title="Oude titel")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    save(admin_client, publication, summary_nl="Nieuwe samenvatting")
    _first, second = Version.objects.get_for_object(publication).order_by("pk")

    response = admin_client.get(
        reverse("admin:library_publication_compare", args=[publication.pk]), {"to": second.pk}
    )

    table = select_one(response, ".edit-changes")
    assert "Versie 1 ·" in table.text
    assert "Samenvatting · Nederlands" in table.text
    assertContains(response, "Versie 1 terugzetten")
    assert Publication.objects.get().summary_nl == "Nieuwe samenvatting"
