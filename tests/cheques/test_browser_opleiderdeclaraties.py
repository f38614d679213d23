"""The opleider declares in Chromium: Declareren from Mijn cheques, a refused form with its
error summary, the declaratie submitted, finance returns it with a reason, a message, and
the bulk page; axe-core finds no violations."""

import pytest
from django.conf import settings
from django.urls import reverse

from cheques.models import Declaratieindiening
from cheques.services import opleiderdeclaraties
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import ken_toe
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import axe_schendingen

pytestmark = pytest.mark.browser


def test_declareren_terugsturen_en_bericht(live_server, page, transactional_db, medewerkers,
                                           tmp_path):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    gebruiker = maak_opleidergebruiker(plan.opleider, medewerkers["beheerder"])
    client = log_in_als_opleider(gebruiker)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])
    pdf = tmp_path / "factuur.pdf"
    pdf.write_bytes(b"%PDF-1.4 factuur")

    page.goto(live_server.url + reverse("cheques:opleider-cheques"))
    page.get_by_role("link", name=f"Declareren {cheque.nummer}").click()
    assert page.get_by_role("heading", name=f"Declareren – cheque {cheque.nummer}").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Factuurnummer").fill("2026-0042")
    page.get_by_label("Factuurdatum").fill(cheque.uitgegeven_op.isoformat())
    page.get_by_label("Bedrag (€)").fill("1.600,00")
    page.get_by_label("Factuur (PDF)").set_input_files(str(pdf))
    page.get_by_label("Bewijs van start").check()
    page.get_by_label("Bewijs (PDF)").set_input_files(str(pdf))
    page.get_by_role("button", name="Declaratie indienen").click()
    assert page.get_by_role("heading", name="Er ging iets mis").is_visible()
    assert page.get_by_label("Factuurnummer").input_value() == "2026-0042"
    assert axe_schendingen(page) == []
    page.get_by_label("Bedrag (€)").fill("1.500,00")
    page.get_by_label("Factuur (PDF)").set_input_files(str(pdf))
    page.get_by_label("Bewijs (PDF)").set_input_files(str(pdf))
    page.get_by_role("button", name="Declaratie indienen").click()
    assert page.get_by_text("Uw declaratie is ingediend.").is_visible()
    assert axe_schendingen(page) == []

    opleiderdeclaraties.stuur_terug(indiening=Declaratieindiening.objects.get(),
                                    door=medewerkers["financieel"],
                                    reden="Het IBAN op de factuur ontbreekt.")
    page.goto(live_server.url + reverse("cheques:opleider-declaraties"))
    assert page.get_by_text("Het IBAN op de factuur ontbreekt.").is_visible()
    assert axe_schendingen(page) == []
    page.locator("tbody a").first.click()
    page.get_by_label("Uw bericht").fill("Wij sturen een nieuwe factuur.")
    page.get_by_role("button", name="Bericht versturen").click()
    assert page.get_by_text("Wij sturen een nieuwe factuur.").is_visible()
    assert axe_schendingen(page) == []

    page.goto(live_server.url + reverse("cheques:opleider-declaraties-bulk"))
    assert page.get_by_role("heading", name="Declaraties in bulk indienen").is_visible()
    assert axe_schendingen(page) == []
