"""Small helpers for the texts editors write, shared by the apps' models."""

from urllib.parse import urlsplit


def lines(text):
    """The non-empty lines of a one-item-per-line text field, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def domain(url):
    """The host of a URL without 'www.', the way a link names its site."""
    return (urlsplit(url).hostname or "").removeprefix("www.")
