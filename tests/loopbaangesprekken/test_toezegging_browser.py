"""End to end in Chromium (issue 19): the consulent asks the employer for its commitment,
the employer confirms through the link in the mail, and the plan's toets turns voldaan;
the employer's page without axe-core violations."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail

from loopbaangesprekken.models import Kostenregel
from tests.aanvragen.factories import AanvraagFactory
from tests.conftest import axe_schendingen
from tests.loopbaangesprekken.factories_scholingsplan import (
    ScholingsplanFactory,
    WerkgeverFactory,
    begroting,
)
from tests.loopbaangesprekken.test_scholingsplan_browser import inloggen
from tfvv.roles import Organisatie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_werkgever_bevestigt_via_link_en_toets_wordt_voldaan(live_server, page, medewerkers):
    begroting()
    consulent = medewerkers["consulent_lwl"]
    aanvraag = AanvraagFactory(status="scholingsplan", loket=Organisatie.LEERWERKLOKET,
                               consulent=consulent, voornaam="Anouk", achternaam="Brink")
    plan = ScholingsplanFactory(aanvraag=aanvraag, consulent=consulent, regels=False)
    Kostenregel.objects.create(plan=plan, soort="cursusgeld", bedrag=Decimal("4000.00"))
    werkgever = WerkgeverFactory(naam="Metaal BV", email="hr@metaal.example")
    plan.cofinanciering.create(bron="werkgever", werkgever=werkgever, partij=werkgever.naam,
                               bedrag=Decimal("2000.00"), status="toegezegd")
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    mail.outbox.clear()

    inloggen(page, live_server, consulent)
    plan_url = f"{live_server.url}/consulent/scholingsplannen/{plan.pk}/"
    page.goto(plan_url)
    toets = page.locator("#toets-kop").locator("xpath=..")
    assert "Uitkomst subsidietoets: voldaan" not in toets.inner_text()
    assert "nog niet bevestigd" in toets.inner_text()
    page.get_by_role("button", name="Toezegging vragen").click()
    assert "Het verzoek om toezegging is verstuurd naar hr@metaal.example" in page.locator(
        "main").inner_text()
    assert "gevraagd" in page.get_by_role("table", name="Cofinanciering").inner_text()
    assert axe_schendingen(page) == []

    link = re.search(r"https?://\S+/toezegging/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()  # the employer has no account
    page.goto(live_server.url + link[link.index("/toezegging/"):])
    assert page.get_by_role("heading", name="Toezegging cofinanciering").is_visible()
    main = page.locator("main").inner_text()
    assert "A. Brink" in main and "Anouk" not in main and "€ 2.000,00" in main
    assert axe_schendingen(page) == []

    # bad input first: the messages at the fields, the link still works
    page.get_by_role("button", name="€ 2.000,00 bevestigen").click()
    assert "Vul uw naam in." in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_label("Uw naam").first.fill("Petra Bosch")
    page.get_by_label("Uw functie").first.fill("HR-adviseur")
    page.get_by_label("Ik bevestig namens de organisatie").check()
    page.get_by_role("button", name="€ 2.000,00 bevestigen").click()
    assert page.get_by_role("heading", name="Uw antwoord is ontvangen").is_visible()
    assert axe_schendingen(page) == []

    inloggen(page, live_server, consulent)
    page.goto(plan_url)
    assert "Uitkomst subsidietoets: voldaan" in toets.inner_text()
    regels = page.get_by_role("table", name="Cofinanciering").inner_text()
    assert "bevestigd" in regels and "Petra Bosch (HR-adviseur)" in regels
    assert fouten == []


def test_werkgeversregister_zonder_axe_schendingen(live_server, page, medewerkers):
    WerkgeverFactory(naam="Metaal BV", ikbindr_van=datetime.date(2023, 3, 1))
    inloggen(page, live_server, medewerkers["beheerder"])
    page.goto(f"{live_server.url}/beheer/werkgevers/")
    assert "partner sinds 1 maart 2023" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Nieuwe werkgever").click()
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_role("button", name="Opslaan").click()
    assert "Een KvK-nummer heeft acht cijfers" in page.locator("main").inner_text()
    assert axe_schendingen(page) == []
