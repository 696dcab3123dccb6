"""Scope an assertion to the part of a page it is about."""

from bs4 import BeautifulSoup


def select(response, selector):
    """The elements of the response's HTML that match a CSS selector."""
    return BeautifulSoup(response.content, "html.parser").select(selector)


def select_one(response, selector):
    """The one element matching `selector`; fails the test when there is none."""
    found = select(response, selector)
    assert found, f"nothing on the page matches {selector!r}"
    return found[0]


def hrefs(element):
    return [link["href"] for link in element.select("a[href]")]
