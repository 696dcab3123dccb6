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
