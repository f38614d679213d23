"""End to end in Chromium: the consulent writes a plan, sees the live verdict, puts it up
to the resident, who approves it in the portal, and submits it; every page without axe-core
violations and without JavaScript errors."""

import re

import pytest
from django.test import Client

from tests.aanvragen.conftest import log_in_als_inwoner
from tests.aanvragen.factories import AanvraagFactory
from tests.conftest import axe_schendingen, log_in_als_medewerker
from tests.loopbaangesprekken.factories_scholingsplan import (
    KansberoepFactory,
    OpleiderFactory,
    SectorFactory,
    begroting,
)

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


def inloggen(page, live_server, user):
    client = (log_in_als_medewerker(Client(), user) if user.is_medewerker
              else log_in_als_inwoner(user))
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


def test_plan_schrijven_controleren_laten_goedkeuren_en_indienen(live_server, page,
                                                                medewerkers):
    begroting()
    kansberoep = KansberoepFactory()
    opleider = OpleiderFactory(naam="ROC van Twente")
    SectorFactory(naam="Industrie", kansrijk=False)
    aanvraag = AanvraagFactory(status="in_behandeling")
    inloggen(page, live_server, medewerkers["consulent_lwl"])
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))

    page.goto(f"{live_server.url}/consulent/aanvragen/{aanvraag.pk}/scholingsplan/nieuw/")
    assert page.get_by_role("heading", name="Nieuw scholingsplan").is_visible()
    assert axe_schendingen(page) == []

    page.get_by_label("Naam opleiding").fill("Eerste monteur")
    page.get_by_label("Niveau opleiding").select_option("mbo-4")
    page.get_by_label("Opleider").select_option(str(opleider.pk))
    page.get_by_label("Startdatum").fill("2024-09-01")
    page.get_by_label("Einddatum").fill("2025-06-30")
    page.get_by_label("van werk naar werk in een andere sector").check()
    page.get_by_label("Doelberoep").fill("Elektromonteur")
    page.get_by_label("Doelsector").select_option(str(kansberoep.sector.pk))
    page.locator("#id_kosten-0-soort").select_option("cursusgeld")
    page.locator("#id_kosten-0-bedrag").fill("4000.00")
    page.locator("#id_cofinanciering-0-bron").select_option("eigen_bijdrage")
    page.locator("#id_cofinanciering-0-partij").fill("Aanvrager")
    page.locator("#id_cofinanciering-0-bedrag").fill("1000.00")
    page.locator("#id_cofinanciering-0-status").select_option("toegezegd")
    page.get_by_role("button", name="Opslaan en controleren").click()

    assert page.get_by_role("heading", name="Scholingsplan bewerken").is_visible()
    verdict = page.locator("#subsidietoets")
    assert "Uitkomst subsidietoets: niet voldaan" in verdict.inner_text()
    assert "De cofinanciering is te laag" in verdict.inner_text()
    assert axe_schendingen(page) == []

    page.locator("#id_cofinanciering-0-bedrag").fill("2000.00")
    page.get_by_label("Gevraagd bedrag (€)").fill("")
    page.get_by_role("button", name="Opslaan en controleren").click()
    # enough, but the resident has not declared their own contribution yet
    assert "Uitkomst subsidietoets: handmatig beoordelen" in page.locator(
        "#subsidietoets").inner_text()

    page.get_by_role("link", name="Terug naar het plan").click()
    assert axe_schendingen(page) == []
    assert page.get_by_role("button", name="Indienen bij gemeente Enschede").count() == 0
    # submitting on the resident's behalf: a reason is required (the page, then back)
    page.get_by_role("link", name="Namens de inwoner indienen").click()
    page.get_by_role("button", name="Indienen namens de inwoner").click()
    assert "Geef de reden waarom u namens de inwoner indient." in page.locator(
        "main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Terug naar het plan").click()
    page.get_by_role("button", name="Voorleggen aan inwoner").click()
    assert "Wacht op akkoord" in page.locator("main").inner_text()
    plan_url = page.url

    # the resident: the task on the aanvraag page, the plan in plain Dutch, approve
    inloggen(page, live_server, aanvraag.aanvrager)
    page.goto(f"{live_server.url}/mijn-aanvraag/{aanvraag.pk}/")
    # first the own contribution: read the amount, declare it (without the tick: refused)
    page.get_by_role("link", name="Eigen bijdrage bevestigen", exact=True).click()
    assert page.get_by_role("heading", name="Bevestig uw eigen bijdrage").is_visible()
    assert "€ 2.000,00" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    knop = page.get_by_role("button", name="Ik betaal € 2.000,00: bevestigen")
    knop.click()
    assert "Zet een vinkje" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_label("Ik verklaar dat ik deze eigen bijdrage zelf betaal").check()
    knop.click()
    assert "U heeft bevestigd dat u uw eigen bijdrage" in page.locator("main").inner_text()
    page.get_by_role("link", name="Scholingsplan bekijken", exact=True).click()
    assert page.get_by_role("heading", name="Uw scholingsplan").is_visible()
    assert "€ 4.000,00" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Akkoord geven").click()  # without the tick: refused
    assert "Zet een vinkje" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_label("Ik ga akkoord met dit scholingsplan").check()
    page.get_by_role("button", name="Akkoord geven").click()
    assert "U heeft uw akkoord gegeven" in page.locator("main").inner_text()

    # the consulent submits the approved version
    inloggen(page, live_server, medewerkers["consulent_lwl"])
    page.goto(plan_url)
    assert "Akkoord gegeven op" in page.locator("main").inner_text()
    assert "bevestigd door de aanvrager op" in page.locator("main").inner_text()
    page.get_by_role("button", name="Indienen bij gemeente Enschede").click()
    assert re.search(r"ingediend bij gemeente Enschede", page.locator(".meldingen").inner_text())
    assert page.get_by_role("heading", name="Subsidietoets bij indiening").is_visible()
    assert axe_schendingen(page) == []
    assert fouten == []
