"""The browser reports nothing wrong: no console error (a script or style the headers block)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/verbinden/in-rust/elkaar-helpen/", "/en/wijkscan/"])
def test_pages_log_no_console_errors(page, seeded_server, path):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    response = page.goto(f"{seeded_server.url}{path}")
    page.reload()  # a second visit: revalidated with the ETag, or from the page cache

    assert response.ok
    assert "camera=()" in response.headers["permissions-policy"]
    assert errors == []
