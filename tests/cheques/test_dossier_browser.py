"""The beoordelaar's day: open the whole dossier, check the evidence, decide from it.

With TFVV_DOCS_SCREENSHOTS=1 it also photographs the dossier for the user docs
(docs/img/dossier.png); a normal run leaves the tracked image alone."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from tests.cheques.factories import maak_periode
from tests.cheques.test_browser import inloggen
from tests.cheques.test_dossier import vol_dossier
from tests.conftest import axe_schendingen

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def test_beoordelaar_beslist_vanuit_het_dossier(live_server, page, transactional_db,
                                                medewerkers):
    maak_periode()
    plan = vol_dossier(medewerkers, toekennen=False)
    inloggen(page, live_server, medewerkers["beoordelaar"])
    page.goto(live_server.url
              + reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id}))
    assert page.get_by_role("heading", name="Cofinanciering en bewijs").count() == 0  # caption
    assert page.get_by_text("Advies: kansrijk, goed gemotiveerd.").is_visible()
    assert page.get_by_role("link", name="Bewijs Werkgever 0 BV").is_visible()
    assert page.get_by_role("link", name="offerte0.pdf").is_visible()
    assert axe_schendingen(page) == []
    if os.environ.get("TFVV_DOCS_SCREENSHOTS"):
        DOCS_IMG.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS_IMG / "dossier.png"), full_page=False)

    page.get_by_role("link", name=f"Beslissen over {plan.opleiding_naam}").click()
    assert page.get_by_role("heading", name="Onderbouwing en bewijs").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Motivering (artikel 3:47 Awb)").first.fill(
        "Kosten en cofinanciering zijn onderbouwd; voldoet aan de verordening.")
    page.get_by_role("button", name="Toekennen").click()
    assert page.get_by_text("Toegekend: cheque").is_visible()

    page.get_by_role("link", name="Het hele dossier bekijken").first.click()
    assert page.get_by_text("Kosten en cofinanciering zijn onderbouwd").first.is_visible()
    assert page.get_by_role("link", name="Chequepagina").is_visible()
    assert axe_schendingen(page) == []


def test_financien_vindt_een_cheque_op_nummer(live_server, page, transactional_db, medewerkers):
    maak_periode()
    plannen = [vol_dossier(medewerkers) for _ in range(2)]
    cheque = plannen[1].beschikking.cheque
    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + reverse("cheques:financien"))
    page.get_by_role("searchbox", name="Zoeken").fill(cheque.nummer.lower())
    page.get_by_role("button", name="Zoeken").click()
    rijen = page.get_by_role("table").locator("tbody tr")
    assert rijen.count() == 1
    assert axe_schendingen(page) == []
    rijen.get_by_role("link", name=plannen[1].aanvraag.achternaam).click()
    assert page.get_by_role("heading", name="Cheque, declaraties en betalingen").is_visible()
    assert page.get_by_text("Vertrouwelijk verslag").count() == 0  # not for finance
    assert axe_schendingen(page) == []
