import pytest
from django.core.management import call_command

from pagecache import version as content_version
from pagecache.models import ContentVersion
from tests.factories import GuidanceFactory, PhaseFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_saving_content_changes_the_content_version():
    phase = PhaseFactory()
    before = content_version.current()

    phase.save()

    assert content_version.current() != before


def test_deleting_content_changes_the_content_version():
    phase = PhaseFactory()
    before = content_version.current()

    phase.delete()

    assert content_version.current() != before


def test_linking_a_source_changes_the_content_version():
    guidance = GuidanceFactory()
    publication = PublicationFactory()
    before = content_version.current()

    guidance.sources.add(publication)

    assert content_version.current() != before


def test_loading_fixtures_changes_the_content_version():
    before = content_version.current()

    call_command("loaddata", "phases", verbosity=0)

    assert content_version.current() != before


def test_saving_something_that_is_not_content_leaves_the_version_alone(django_user_model):
    PhaseFactory()
    before = content_version.current()

    django_user_model.objects.create_user("editor", password="x")

    assert content_version.current() == before


def test_each_bump_gets_a_new_token_even_when_a_restore_brought_back_an_old_number():
    content_version.bump()
    first = ContentVersion.objects.get()
    content_version.bump()
    ContentVersion.objects.update(number=first.number, token=first.token)  # a restored dump

    content_version.bump()

    assert content_version.current() != f"{first.number + 1}-{first.token}"
    assert ContentVersion.objects.get().token != first.token


def test_the_version_is_read_once_per_request(rf, django_assert_num_queries):
    PhaseFactory()
    request = rf.get("/")

    with django_assert_num_queries(1):
        assert content_version.current(request) == content_version.current(request)


def test_bumpcontentversion_command_changes_the_version():
    before = content_version.current()

    call_command("bumpcontentversion", verbosity=0)

    assert content_version.current() != before


def test_a_shared_example_awaiting_moderation_leaves_the_version_alone():
    from tests.factories import ExampleSubmissionFactory

    PhaseFactory()
    before = content_version.current()

    ExampleSubmissionFactory()

    assert content_version.current() == before


def test_the_one_content_list_names_real_models_and_every_model_editors_keep_revisions_of():
    import reversion
    from django.apps import apps

    labels = content_version.content_labels()
    revised = {model._meta.label_lower for model in reversion.get_registered_models()}

    assert all(apps.get_model(label) for label in labels)
    assert revised - labels == set()
