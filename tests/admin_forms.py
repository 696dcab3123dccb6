"""Fill in an admin form the way a browser would: every field as the page rendered it."""

from bs4 import BeautifulSoup


def form_data(response, form_selector="#content-main form[method=post]"):
    """The values a browser would submit for the first matching form, as a dict."""
    form = BeautifulSoup(response.content, "html.parser").select_one(form_selector)
    assert form is not None, f"no form matches {form_selector!r}"
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = [option["value"] for option in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            else:
                first = field.select_one("option")
                data[name] = first["value"] if first else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "image", "file"):
            data[name] = field.get("value", "")
    return data


def post_as_shown(client, url, **changes):
    """Open the admin form at `url`, change `changes` (files included), and save it."""
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)
