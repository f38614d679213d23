"""Search and archive in Chromium: finance finds a cheque by its number; axe-core finds no
violations on the search page, also with its results, sort links and a refused period."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cheques import services
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.test_browser import inloggen
from tests.conftest import axe_schendingen

pytestmark = pytest.mark.browser


@pytest.fixture
def cheques(transactional_db, medewerkers):
    maak_periode()
    return [services.toekennen(plan=ScholingsplanFactory(consulent=medewerkers["consulent_lwl"]),
                               door=medewerkers["beoordelaar"], bedrag=Decimal("1500.00"),
                               motivering="Voldoet.").cheque for _ in range(2)]


def test_financieel_vindt_een_cheque_op_nummer(live_server, page, medewerkers, cheques):
    doel = cheques[1]
    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + reverse("cheques:financien"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    assert page.get_by_role("heading", name="Zoeken in aanvragen").is_visible()
    assert axe_schendingen(page) == []

    page.get_by_label("Chequenummer").fill(doel.nummer)
    page.get_by_role("button", name="Zoeken").click()
    tabel = page.get_by_role("table")
    assert tabel.locator("tbody tr").count() == 1
    assert tabel.get_by_text(doel.beschikking.plan.aanvraag.referentie).is_visible()
    assert axe_schendingen(page) == []

    # sorting keeps the search; the column says how it is sorted
    page.get_by_role("link", name="Referentie").click()
    assert page.locator('th[aria-sort="ascending"]').count() == 1
    assert page.get_by_label("Chequenummer").input_value() == doel.nummer
    assert axe_schendingen(page) == []

    tabel.get_by_role("link", name=doel.nummer).click()
    assert page.url.endswith(reverse("cheques:cheque", kwargs={"nummer": doel.nummer}))


def test_omgedraaide_periode_zonder_axe_schendingen(live_server, page, medewerkers, cheques):
    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + reverse("cheques:zoeken"))
    page.get_by_label("Aanvraagdatum vanaf").fill("2026-05-31")
    page.get_by_label("Aanvraagdatum tot en met").fill("2026-04-01")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_text("Deze datum ligt vóór de datum ‘vanaf’").first.is_visible()
    assert page.get_by_label("Aanvraagdatum vanaf").input_value() == "2026-05-31"
    assert axe_schendingen(page) == []
