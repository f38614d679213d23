"""The aanvulling path: the beoordelaar asks for more information with a hersteltermijn
(Awb 4:5); the resident and the consulent are told; the consulent completes and resubmits
the plan; the beoordelaar grants an amount below the co-sign threshold."""

import datetime

import pytest

from tests.reizen.stappen import (
    beoordelaar_kent_toe,
    beoordelaar_opent_plan,
    consulent_legt_gesprek_vast,
    consulent_neemt_in_behandeling,
    consulent_schrijft_plan_en_dient_in,
    formulier,
    inwoner_logt_in,
    inwoner_meldt_aan,
    referentie_en_budget,
    verstuur,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAT = "Een getekende verklaring van de werkgever over de bijdrage van € 1.500,00."


def test_aanvulling_herindienen_en_toekennen(reis, medewerkers, mailoutbox):
    gegevens = referentie_en_budget()
    referentie = inwoner_meldt_aan(reis, voornaam="Sanne", achternaam="Bosch",
                                   email="sanne@voorbeeld.nl")
    consulent_neemt_in_behandeling(reis, medewerkers["consulent_lwl"], referentie)
    consulent_legt_gesprek_vast(reis, uitkomst="scholingsplan opstellen")
    consulent_schrijft_plan_en_dient_in(reis, gegevens, consulent=medewerkers["consulent_lwl"],
                                        email="sanne@voorbeeld.nl")
    reis.log_uit()

    page = beoordelaar_opent_plan(reis, medewerkers["beoordelaar"], referentie)
    termijn = formulier(page, "Aanvulling vragen").get_by_label(
        "Hersteltermijn tot en met").input_value()
    page = verstuur(reis, medewerkers["beoordelaar"],
                    lambda page: page.get_by_label("Wat ontbreekt er?").fill(WAT),
                    "Aanvulling vragen", "aanvulling-gevraagd")
    assert page.get_by_role("heading", name="Aanvulverzoeken").is_visible()
    reis.log_uit()

    # resident and consulent get the request with the hersteltermijn by mail
    verzoek = [m for m in mailoutbox if m.subject == "Aanvulling gevraagd op uw scholingsplan"]
    assert len(verzoek) == 1
    assert "sanne@voorbeeld.nl" in verzoek[0].to
    assert medewerkers["consulent_lwl"].email in verzoek[0].to
    assert WAT in verzoek[0].body
    assert datetime.date.fromisoformat(termijn).strftime("%d-%m-%Y") in verzoek[0].body
    page = inwoner_logt_in(reis, email="sanne@voorbeeld.nl")
    assert page.get_by_text("De gemeente vraagt om een aanvulling op uw scholingsplan.") \
        .is_visible()
    reis.log_uit()

    # the consulent completes the plan and sends the aanvulling
    page = reis.log_in_als_medewerker(medewerkers["consulent_lwl"])
    page.get_by_role("link", name="Werkvoorraad").first.click()
    reis.stap("werkvoorraad")
    page.get_by_role("link", name="Mijn aanvragen").click()
    reis.stap("mijn-aanvragen")
    page.get_by_role("link", name=referentie).click()
    reis.stap("aanvraag")
    page.get_by_role("link", name="Eerste monteur elektrotechnische installaties").click()
    reis.stap("scholingsplan-aanvulling")
    page.get_by_role("link", name="Bewerken").click()
    reis.stap("scholingsplan-bewerken")
    page.get_by_label("Advies consulent").fill("De werkgeversverklaring is nagestuurd.")
    page.get_by_role("button", name="Opslaan en controleren").click()
    reis.stap("scholingsplan-aangevuld")
    page.get_by_role("link", name="Terug naar het plan").click()
    reis.stap("scholingsplan")
    page.get_by_role("button", name="Aanvulling indienen").click()
    reis.stap("aanvulling-ingediend")
    reis.log_uit()

    # granted below € 2,000: no second beoordelaar needed
    beoordelaar_opent_plan(reis, medewerkers["beoordelaar"], referentie)
    page = beoordelaar_kent_toe(reis, medewerkers["beoordelaar"], "1500.00",
                                "Na de aanvulling voldoet het plan; toegekend € 1.500,00.")
    assert page.get_by_text("Besloten: toekenning").is_visible()
    reis.log_uit()

    page = inwoner_logt_in(reis, email="sanne@voorbeeld.nl")
    assert page.get_by_role("link", name="Scholingscheque (PDF)").is_visible()
