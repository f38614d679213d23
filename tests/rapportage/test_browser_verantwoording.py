"""Earmarking and the funder report in Chromium: financieel records a rule on the budget
page, reads the per-bron figures, opens a bron's verantwoording and has a report made (and
sees it while one is being made); axe-core on each. Writes the screenshot of
docs/verantwoording.md (docs/img/verantwoording.png)."""

from decimal import Decimal
from pathlib import Path

import pytest

from rapportage.models import Verantwoordingsrapport
from tests.cheques.test_browser import inloggen
from tests.conftest import axe_schendingen
from tfvv import budget, demo_budget
from tfvv.models import Begrotingsperiode
from tfvv.oormerk import Kenmerken

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def test_oormerkregel_en_verantwoording(live_server, page, medewerkers, transactional_db):
    demo_budget.laad(lambda s: None)  # the demo's rules: ESF+ first, for the route to work
    periode = Begrotingsperiode.objects.get()
    budget.reserveer(periode=periode, bedrag=Decimal("2500.00"), referentie="DEMO-1",
                     door=None, kenmerken=Kenmerken(arbeidssituatie="ww", route="geen_werk"))
    page.set_viewport_size({"width": 1280, "height": 900})
    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + "/budget/")
    tabel = page.get_by_role("table", name="Oormerking per financieringsbron")
    rij = tabel.get_by_role("row", name="EU-programma's (ESF+)")
    assert "voorkeur 1" in rij.inner_text() and "€ 2.500,00" in rij.inner_text()
    assert axe_schendingen(page) == []

    sectie = page.locator("section", has=page.get_by_role("heading",
                                                          name="Oormerkregel vastleggen"))
    sectie.get_by_label("Begrotingsperiode").select_option(label="2023–2026")
    sectie.get_by_label("Financieringsbron (publiek)").select_option(
        label="Rijk / Regiodeal Twente")
    sectie.get_by_label("Voorkeur (1 wordt eerst belast)").fill("4")
    sectie.get_by_label("Maximum (€)").fill("250.000,00")
    sectie.get_by_role("button", name="Vastleggen").click()
    assert page.get_by_text("De oormerkregel is vastgelegd").is_visible()
    rij = page.get_by_role("table", name="Oormerking per financieringsbron").get_by_role(
        "row", name="Rijk / Regiodeal Twente")
    assert "maximum € 250.000,00" in rij.inner_text()
    assert axe_schendingen(page) == []

    page.get_by_role("link", name="Verantwoording EU-programma's (ESF+)").click()
    assert page.get_by_role("heading", name="Verantwoording EU-programma's (ESF+)").is_visible()
    assert page.get_by_text("nog geen rapport gemaakt").is_visible()
    assert axe_schendingen(page) == []

    # the worker runs eagerly in tests: the report is made before the page comes back
    page.get_by_role("button", name="Nieuw rapport maken").click()
    assert page.get_by_role("heading", name="Stand van").is_visible()
    assert page.get_by_text("sluit tot op de cent aan op het grootboek").is_visible()
    rapport = Verantwoordingsrapport.objects.get()
    assert page.get_by_text(rapport.pdf_sha256).is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Excel-bestand").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "verantwoording.png", full_page=True)

    # while a new one is being made: a clear state and a way to reload, no button
    Verantwoordingsrapport.objects.create(periode=periode, bron=rapport.bron,
                                          status=Verantwoordingsrapport.Status.BEZIG)
    page.reload()
    assert page.get_by_text("Een nieuw rapport wordt gemaakt").is_visible()
    assert page.get_by_role("button", name="Nieuw rapport maken").count() == 0
    page.get_by_role("link", name="Vernieuw de pagina om te zien of het klaar is").click()
    assert page.get_by_text("sluit tot op de cent aan op het grootboek").is_visible()
    assert axe_schendingen(page) == []
