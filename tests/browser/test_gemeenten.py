"""Onboarding a gemeente in the admin, in a browser: its host serves its look, logo and contacts at
once, without a restart."""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from phases.models import Phase
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.browser.test_safe_editing import _log_in

pytestmark = pytest.mark.browser


def _logo_file():
    drawn = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 90, 160)).save(drawn, format="PNG")
    return {"name": "utrecht.png", "mimeType": "image/png", "buffer": drawn.getvalue()}


def test_an_editor_onboards_a_gemeente_and_its_host_serves_it(
    page, seeded_server, django_user_model
):
    _log_in(page, seeded_server, django_user_model)
    axe = Axe()
    reports = []

    page.goto(f"{seeded_server.url}/admin/gemeenten/gemeente/add/")
    reports.append(axe.run(page, options=AXE_OPTIONS))
    page.fill("#id_name", "Utrecht")
    page.fill("#id_slug", "utrecht")
    page.select_option("#id_theme", "voorbeeld")
    page.set_input_files("#id_logo_file", files=[_logo_file()])
    page.fill("#id_hosts-0-name", "Utrecht.localhost")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("Utrecht")

    page.goto(f"{seeded_server.url}/admin/contacts/contact/add/")
    reports.append(axe.run(page, options=AXE_OPTIONS))
    page.select_option("#id_gemeente", label="Utrecht")
    page.fill("#id_name_nl", "Buurtbemiddeling Utrecht")
    page.fill("#id_description_nl", "Helpt buren die er samen niet uitkomen.")
    page.fill("#id_phone", "030 286 00 00")
    page.select_option("#id_phases", str(Phase.objects.get(slug="bij-spanningen").pk))
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("Buurtbemiddeling Utrecht")

    port = seeded_server.url.rsplit(":", 1)[1]
    page.goto(f"http://utrecht.localhost:{port}/verbinden/bij-spanningen/")
    contacts = page.locator(".contacts")
    expect(contacts.locator("h2")).to_have_text("Wie kan helpen in Utrecht")
    expect(contacts.locator(".contact").first).to_contain_text("Buurtbemiddeling Utrecht")
    expect(page.locator('link[href$="css/themes/voorbeeld.css"]')).to_have_count(1)
    expect(page.locator(".site-name__local")).to_have_text("Utrecht")
    logo = page.locator(".site-name img.site-name__logo")
    expect(logo).to_have_attribute("src", re.compile(r"^/logo/[0-9a-f]{16}\.png$"))
    assert logo.evaluate("img => img.complete && img.naturalHeight") == 80
    reports.append(axe.run(page, options=AXE_OPTIONS))

    page.goto(f"{seeded_server.url}/verbinden/bij-spanningen/")
    expect(page.locator(".contacts")).not_to_contain_text("Buurtbemiddeling Utrecht")
    expect(page.locator('link[href*="css/themes/"]')).to_have_count(0)
    expect(page.locator(".site-name__logo")).to_have_count(0)

    assert not [r for r in reports if r.violations_count], "\n".join(
        r.generate_report() for r in reports if r.violations_count
    )
