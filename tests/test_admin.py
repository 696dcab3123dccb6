import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from pytest_django.asserts import assertContains

from activities.models import Guidance, Tip
from buurtoverleg.models import Overleg
from pages.models import SitePage
from tests.admin_forms import form_data
from tests.factories import (
    ContactFactory,
    DividingLineFactory,
    ExampleSubmissionFactory,
    GemeenteFactory,
    GuidanceFactory,
    ParticipantRoleFactory,
    PracticeExampleFactory,
    PublicationFactory,
    RelatedTermFactory,
    ScanAnswerFactory,
    SettingFactory,
    TipFactory,
)
from wijkscan.models import ScanAnswer

pytestmark = pytest.mark.django_db

EXAMPLES = "PracticeExample_guidances"  # the admin's prefix for the examples inline


@pytest.fixture
def guidance():
    guidance = GuidanceFactory()
    PracticeExampleFactory(guidances=[guidance])
    guidance.sources.add(PublicationFactory())
    ScanAnswerFactory(weights={guidance.phase: 3})
    return guidance


REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def every_kind_of_row(guidance, admin_user):
    """At least one row of every model the admin edits (users and groups included)."""
    TipFactory(guidance=guidance)

    ParticipantRoleFactory()
    Overleg.start("Overvecht-Noord, maart")
    DividingLineFactory()
    SettingFactory()
    RelatedTermFactory()
    ExampleSubmissionFactory()
    Group.objects.get_or_create(name="Redactie")
    login = {"username": "iemand", "ip_address": "127.0.0.1", "user_agent": "test"}
    AccessAttempt.objects.create(**login, failures_since_start=1)
    AccessLog.objects.create(**login)
    AccessFailureLog.objects.create(**login)
    SitePage.objects.create(slug="over", title_nl="Over", body_nl="Tekst.")
    ContactFactory(gemeente=GemeenteFactory(), phases=[guidance.phase])
    return guidance


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[model._meta.label for model, _ in REGISTERED]
)
def test_every_admin_lists_searches_adds_and_changes_in_dutch(
    admin_client, every_kind_of_row, model, model_admin
):
    info = (model._meta.app_label, model._meta.model_name)
    changelist = reverse("admin:{}_{}_changelist".format(*info))
    obj = model._default_manager.first()
    assert obj is not None, f"the fixture made no {model._meta.label}"

    listed = admin_client.get(changelist)
    assertContains(listed, "Inhoud van de Wijkverbinder")
    assert listed.context["cl"].result_count >= 1
    if model_admin.search_fields:
        assert admin_client.get(changelist, {"q": "a"}).status_code == 200
    if model_admin.has_add_permission(listed.wsgi_request):
        assert admin_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200
    changed = admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assertContains(changed, "Inhoud van de Wijkverbinder")


def test_phase_form_shows_dutch_and_english_side_by_side_and_its_guidance(admin_client, guidance):
    response = admin_client.get(reverse("admin:phases_phase_change", args=[guidance.phase.pk]))

    assertContains(response, 'name="headline_nl"')
    assertContains(response, 'name="headline_en"')
    assertContains(response, str(guidance.activity_type))
    assertContains(response, "Weergeven op website")


def test_guidance_form_edits_tips_inline_and_the_change_shows_on_the_site(
    admin_client, client, guidance
):
    url = reverse("admin:activities_guidance_change", args=[guidance.pk])
    form = admin_client.get(url)
    assertContains(form, 'name="tips-0-text_nl"')
    tip = guidance.tips.first()

    data = {
        # The state the form was opened on (editing.merge): without it the save is refused.
        "edit_token": form_data(form)["edit_token"],
        "phase": guidance.phase.pk,
        "activity_type": guidance.activity_type.pk,
        "position": 1,
        "is_published": "on",
        "introduction_nl": "Nieuwe introductie van de redactie.",
        "introduction_en": "New introduction by the editors.",
        "tips-TOTAL_FORMS": 1,
        "tips-INITIAL_FORMS": 0,
        "tips-0-kind": Tip.Kind.WORKS,
        "tips-0-text_nl": "Nieuwe tip",
        "tips-0-text_en": "New tip",
        "tips-0-position": 5,
        f"{EXAMPLES}-TOTAL_FORMS": 0,
        f"{EXAMPLES}-INITIAL_FORMS": 0,
    }
    # Keep the existing tips as they are.
    data["tips-INITIAL_FORMS"] = guidance.tips.count()
    data["tips-TOTAL_FORMS"] = guidance.tips.count() + 1
    for i, existing in enumerate(guidance.tips.all()):
        data |= {
            f"tips-{i}-id": existing.pk,
            f"tips-{i}-guidance": guidance.pk,
            f"tips-{i}-kind": existing.kind,
            f"tips-{i}-text_nl": existing.text_nl,
            f"tips-{i}-text_en": existing.text_en,
            f"tips-{i}-position": existing.position,
        }
    new = guidance.tips.count()
    data |= {
        f"tips-{new}-kind": Tip.Kind.WORKS,
        f"tips-{new}-text_nl": "Nieuwe tip",
        f"tips-{new}-text_en": "New tip",
        f"tips-{new}-position": 5,
    }
    data[f"{EXAMPLES}-INITIAL_FORMS"] = guidance.examples.count()
    data[f"{EXAMPLES}-TOTAL_FORMS"] = guidance.examples.count()
    for i, link in enumerate(Guidance.examples.through.objects.filter(guidance=guidance)):
        data |= {
            f"{EXAMPLES}-{i}-id": link.pk,
            f"{EXAMPLES}-{i}-guidance": guidance.pk,
            f"{EXAMPLES}-{i}-practiceexample": link.practiceexample_id,
        }

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    page = client.get(guidance.get_absolute_url())
    assertContains(page, "Nieuwe introductie van de redactie.")
    assertContains(page, "Nieuwe tip")
    assert tip.pk in set(guidance.tips.values_list("pk", flat=True))


def test_admin_requires_login(client):
    response = client.get(reverse("admin:phases_phase_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_scan_answer_form_sets_the_points_per_phase(admin_client, guidance):
    answer = ScanAnswer.objects.get()

    response = admin_client.get(reverse("admin:wijkscan_scananswer_change", args=[answer.pk]))

    assertContains(response, 'name="text_nl"')
    assertContains(response, 'name="weights-0-points"')


def test_guidance_form_edits_target_group_sources_and_review_date(admin_client, guidance):
    response = admin_client.get(reverse("admin:activities_guidance_change", args=[guidance.pk]))

    assertContains(response, 'name="target_group_advice_nl"')
    assertContains(response, 'name="target_group_advice_en"')
    assertContains(response, 'name="sources"')
    assertContains(response, 'name="last_reviewed"')
