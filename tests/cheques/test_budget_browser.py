"""The plafond decision in Chromium: one person proposes, a second approves with a code;
every state of the budget page is checked by axe-core.

With TFVV_SCHERMAFDRUKKEN=1 the test also saves the screenshots of docs/budget.md."""

import os
from pathlib import Path

import pytest

from tests.cheques.test_browser import inloggen
from tests.conftest import axe_schendingen, huidige_code
from tfvv import demo_budget
from tfvv.models import Plafondbesluit

pytestmark = pytest.mark.browser
IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def afdruk(locator, naam):
    if os.environ.get("TFVV_SCHERMAFDRUKKEN"):
        IMG.mkdir(exist_ok=True)
        locator.screenshot(path=str(IMG / naam))


def test_plafond_voorstellen_en_goedkeuren(live_server, page, medewerkers, transactional_db):
    demo_budget.laad(lambda s: None)  # one period, five lines and bronnen, plafond 3.75 M
    page.set_viewport_size({"width": 1280, "height": 900})

    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + "/budget/")
    assert page.get_by_role("heading", name="Budget en subsidieplafond").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_text("Nieuw plafondbesluit voorstellen").click()
    page.get_by_label("Subsidieplafond (€)").fill("3.900.000,00")  # more than the public money
    page.get_by_label("Datum collegebesluit").fill("2024-06-11")
    page.get_by_label("Bekendgemaakt op").fill("2024-06-18")
    page.get_by_label("Kenmerk besluit").fill("Gemeenteblad 2024, nr. 250001")
    page.get_by_label("Toelichting").fill("Lager plafond na begrotingswijziging.")
    page.get_by_role("button", name="Voorstellen").click()
    assert page.locator(".invalid-feedback", has_text="Cofinanciering telt niet mee").is_visible()
    assert page.get_by_label("Toelichting").input_value() == \
        "Lager plafond na begrotingswijziging."
    assert axe_schendingen(page) == []
    page.get_by_label("Subsidieplafond (€)").fill("3.500.000,00")
    page.get_by_role("button", name="Voorstellen").click()
    assert page.get_by_text("Het geldt pas als een tweede persoon het goedkeurt").is_visible()
    assert page.get_by_text("U heeft dit voorstel zelf gedaan").is_visible()
    assert page.get_by_role("button", name="Goedkeuren").count() == 0
    assert axe_schendingen(page) == []

    page.context.clear_cookies()
    inloggen(page, live_server, medewerkers["beheerder"])
    page.goto(live_server.url + "/budget/")
    sectie = page.locator("section", has=page.get_by_role("heading", name="Periode 2023–2026"))
    assert sectie.get_by_text("Voorstel wacht op goedkeuring").is_visible()
    afdruk(sectie, "budget-voorstel.png")
    page.get_by_label("Code uit uw authenticator-app").fill("000000")
    page.get_by_role("button", name="Goedkeuren").click()
    assert page.get_by_text("Deze code klopt niet").is_visible()
    assert axe_schendingen(page) == []
    apparaat = medewerkers["beheerder"].totp_device
    apparaat.refresh_from_db()
    apparaat.throttle_reset()  # django-otp waits a second after a wrong code
    page.get_by_label("Code uit uw authenticator-app").fill(huidige_code(apparaat))
    page.get_by_role("button", name="Goedkeuren").click()
    assert page.get_by_text("Het plafondbesluit is goedgekeurd").is_visible()
    assert axe_schendingen(page) == []
    besluit = Plafondbesluit.objects.get(bedrag=3500000)
    assert besluit.goedgekeurd_door == medewerkers["beheerder"]
    assert besluit.vervangt.bedrag == 3750000
    stand = page.get_by_role("table", name="Stand per begrotingsperiode").inner_text()
    assert "€ 3.500.000,00" in stand
    afdruk(page.locator("section", has=page.get_by_role("heading", name="Periode 2023–2026")),
           "budget-goedgekeurd.png")
