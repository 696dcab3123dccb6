"""Campaign tags and click identifiers (utm_*, fbclid, ...) never reach the site."""

import pytest

from core.tracking import without_tracking
from tests.factories import ActivityTypeFactory, GuidanceFactory, PhaseFactory
from tests.html import hrefs, select_one

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("fbclid=IwAR0abc", ""),
        ("utm_source=nieuwsbrief&utm_medium=email&fase=in-rust", "fase=in-rust"),
        ("fase=in-rust&gclid=x&UTM_Campaign=y&pagina=2", "fase=in-rust&pagina=2"),
        ("q=utm_source&utm%5Fsource=x", "q=utm_source"),  # an encoded name is still a tag
        ("q=%E2%9C%93+ja&&b", "q=%E2%9C%93+ja&&b"),  # the rest byte for byte
        ("fbclid", ""),
    ],
)
def test_tracking_parameters_are_dropped_and_the_rest_is_kept_as_it_came(query, kept):
    assert without_tracking(query) == kept


@pytest.fixture
def guidance():
    return GuidanceFactory(
        phase=PhaseFactory(slug="in-rust"),
        activity_type=ActivityTypeFactory(slug="elkaar-helpen", name_nl="Elkaar helpen"),
    )


def test_a_link_shared_on_facebook_is_served_from_the_page_cache(client, guidance):
    client.get(f"{guidance.get_absolute_url()}?fbclid=first")

    response = client.get(f"{guidance.get_absolute_url()}?fbclid=second")

    assert response.status_code == 200
    assert not response.templates  # served from the cache, like the address without it


def test_the_language_switcher_does_not_repeat_tracking_parameters(client, guidance):
    response = client.get(f"{guidance.get_absolute_url()}?utm_source=gemeente")

    links = hrefs(select_one(response, "#language-switcher"))
    assert links == [guidance.get_absolute_url(), f"/en{guidance.get_absolute_url()}"]
