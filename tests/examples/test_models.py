import pytest

from examples.models import PracticeExample
from library.models import Publication


@pytest.mark.parametrize(
    ("website", "domain"),
    [
        ("https://www.coc.nl/cocktail", "coc.nl"),
        ("https://beterburen.nl/", "beterburen.nl"),
        ("http://WWW.Example.ORG", "example.org"),
        ("", ""),
    ],
)
def test_an_example_names_its_website_by_domain(website, domain):
    assert PracticeExample(website=website).website_domain == domain


def test_a_publication_lists_its_key_points_one_per_line_without_blank_lines():
    publication = Publication(key_points="Eerste punt\n\n  Tweede punt  \n")

    assert publication.key_point_list == ["Eerste punt", "Tweede punt"]
    assert Publication(url="https://www.kis.nl/x").url_domain == "kis.nl"


@pytest.mark.django_db
def test_no_example_can_take_the_address_of_the_share_form():
    from django.db import IntegrityError

    from tests.factories import PracticeExampleFactory

    with pytest.raises(IntegrityError):
        PracticeExampleFactory(slug="delen")


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1899, 2101])
def test_the_database_refuses_a_year_outside_the_sensible_range(year):
    from django.db import IntegrityError

    from tests.factories import PracticeExampleFactory

    with pytest.raises(IntegrityError):
        PracticeExampleFactory(year=year)


@pytest.mark.django_db
def test_the_form_refuses_a_year_after_next_year_but_takes_next_year_and_the_past():
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from tests.factories import PracticeExampleFactory

    next_year = timezone.localdate().year + 1
    example = PracticeExampleFactory.build(slug="voorbeeld", year=next_year + 1)
    with pytest.raises(ValidationError) as error:
        example.full_clean()
    assert list(error.value.message_dict) == ["year"]

    for year in (next_year, 2006, None):
        example.year = year
        example.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/verslag", "https://user:pw@example.org/"]
)
def test_a_source_must_be_a_plain_web_address(url):
    from django.core.exceptions import ValidationError

    from tests.factories import PracticeExampleFactory

    example = PracticeExampleFactory.build(slug="voorbeeld", source_url=url)
    with pytest.raises(ValidationError) as error:
        example.full_clean()
    assert "source_url" in error.value.message_dict


def test_an_example_names_its_source_by_domain():
    example = PracticeExample(source_url="https://www.movisie.nl/praktijkvoorbeeld/koppelwerk")

    assert example.source_domain == "movisie.nl"
    assert PracticeExample().source_domain == ""
