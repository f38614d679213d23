"""The beoordelaar's pages and the public verification page in Chromium, checked by axe-core."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cheques import services, verificatie
from tests.cheques.factories import ScholingsplanFactory, maak_periode, toets_met
from tests.conftest import axe_schendingen, log_in_als_medewerker

pytestmark = pytest.mark.browser


def inloggen(page, live_server, user):
    client = log_in_als_medewerker(Client(), user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


@pytest.fixture
def gegevens(transactional_db, medewerkers):
    maak_periode()
    consulent = medewerkers["consulent_lwl"]
    open_plan = ScholingsplanFactory(consulent=consulent,
                                     toets_snapshot=toets_met(R4="handmatig beoordelen"))
    tweede = ScholingsplanFactory(consulent=consulent)
    toegekend = ScholingsplanFactory(consulent=consulent)
    cheque = services.toekennen(plan=toegekend, door=medewerkers["beoordelaar"],
                                bedrag=Decimal("1500.00"), motivering="Voldoet.").cheque
    return {"plan": open_plan, "tweede": tweede, "cheque": cheque}


def test_werkvoorraad_en_plan_zonder_axe_schendingen(live_server, page, medewerkers, gegevens):
    inloggen(page, live_server, medewerkers["beoordelaar"])
    page.goto(live_server.url + "/beoordeling/")
    assert page.get_by_role("heading", name="Beoordelen: ingediende scholingsplannen").is_visible()
    assert page.get_by_role("table").locator("tbody tr").count() == 2
    assert axe_schendingen(page) == []
    page.get_by_label("Subsidietoets").select_option("handmatig")
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_role("table").locator("tbody tr").count() == 1
    page.get_by_role("link", name=gegevens["plan"].aanvraag.referentie).click()
    assert page.get_by_role("heading", name="Subsidietoets bij indiening").is_visible()
    assert axe_schendingen(page) == []
    # a refused action comes back with the message at the field, without JavaScript
    page.get_by_label("Motivering (artikel 3:47 Awb)").first.fill("")
    page.get_by_role("button", name="Toekennen").click()
    assert page.locator(".invalid-feedback").first.is_visible()
    assert axe_schendingen(page) == []


def test_terugsturen_en_de_consulent_ziet_waarom(live_server, page, medewerkers, gegevens):
    plan = gegevens["tweede"]
    inloggen(page, live_server, medewerkers["beoordelaar"])
    page.goto(live_server.url + reverse("cheques:plan", kwargs={"plan_id": plan.pk}))
    page.get_by_role("button", name="Terugsturen naar de consulent").click()
    assert page.locator("#terugsturen_reden.is-invalid").is_visible()  # empty: refused
    page.get_by_label("Wat moet de consulent aanpassen?").fill("De startdatum klopt niet.")
    page.get_by_role("button", name="Terugsturen naar de consulent").click()
    assert page.get_by_text("Het scholingsplan is teruggestuurd").is_visible()
    assert axe_schendingen(page) == []

    page.context.clear_cookies()
    inloggen(page, live_server, medewerkers["consulent_lwl"])
    page.goto(live_server.url + reverse("loopbaangesprekken:scholingsplan",
                                        kwargs={"pk": plan.pk}))
    melding = page.locator(".alert-warning")
    assert melding.get_by_role("heading", name="Teruggestuurd door gemeente Enschede") \
        .is_visible()
    assert melding.get_by_text("De startdatum klopt niet.").is_visible()
    assert axe_schendingen(page) == []


def test_budget_en_financien_zonder_axe_schendingen(live_server, page, medewerkers, gegevens):
    inloggen(page, live_server, medewerkers["financieel"])
    for pad in ("/budget/", "/financien/", f"/cheques/{gegevens['cheque'].nummer}/"):
        page.goto(live_server.url + pad)
        assert axe_schendingen(page) == [], pad


def test_publieke_controle_zonder_axe_schendingen(live_server, page, gegevens):
    cheque = gegevens["cheque"]
    page.goto(live_server.url + "/cheques/controleren/")
    assert axe_schendingen(page) == []
    page.get_by_label("Chequenummer").fill(cheque.nummer)
    page.get_by_label("Verificatiecode").fill("FOUTE-CODE1")
    page.get_by_role("button", name="Controleren").click()
    assert page.get_by_text("niet bekend").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Verificatiecode").fill(verificatie.opgemaakt(
        verificatie.code(nummer=cheque.nummer, zout=cheque.verificatiezout)))
    page.get_by_role("button", name="Controleren").click()
    assert page.get_by_role("heading", name="Deze cheque is geldig").is_visible()
    assert axe_schendingen(page) == []
