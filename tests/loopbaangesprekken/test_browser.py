"""The queue, the case page and the gesprek forms in Chromium, checked with axe-core."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from aanvragen.models import Postcodecontrole
from loopbaangesprekken.services import gesprekken as services
from tests.aanvragen.factories import AanvraagFactory
from tests.conftest import axe_schendingen, log_in_als_medewerker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def inloggen(page, live_server, user):
    """Reuse a verified staff session (password + TOTP are tested in tests/tfvv)."""
    client = log_in_als_medewerker(Client(), user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


def test_werkvoorraad_en_aanvraag_zonder_axe_schendingen(live_server, page, medewerkers):
    consulent = medewerkers["consulent_lwl"]
    grens = AanvraagFactory(voornaam="Anouk", achternaam="Hofman", postcode="7693AB",
                            postcodecontrole=Postcodecontrole.TE_CONTROLEREN)
    AanvraagFactory(voornaam="Sanne", achternaam="Bosch")
    gepland = AanvraagFactory(voornaam="Koen", achternaam="Smit")
    gesprek = services.plan_gesprek(aanvraag=gepland, actor=consulent, vorm="op_locatie",
                                    locatie="Werkplein Almelo",
                                    gepland_op=timezone.now() + datetime.timedelta(days=2))
    inloggen(page, live_server, consulent)

    page.goto(f"{live_server.url}/consulent/werkvoorraad/?lijst=open")
    assert page.get_by_role("heading", name="Werkvoorraad").is_visible()
    assert page.get_by_role("link", name=grens.referentie).is_visible()
    assert page.get_by_text("Adres controleren").first.is_visible()
    assert axe_schendingen(page) == []

    page.get_by_label("Zoeken op naam, referentie of postcode").fill("Hofman")
    page.get_by_role("button", name="Toon resultaten").click()
    assert page.get_by_role("link", name=grens.referentie).is_visible()
    assert page.get_by_role("link", name=gepland.referentie).count() == 0

    page.get_by_role("link", name=grens.referentie).click()
    assert page.get_by_role("heading", name="Taak: adres controleren").is_visible()
    assert page.get_by_role("button", name="In behandeling nemen").is_visible()
    assert axe_schendingen(page) == []

    for pad in (f"/consulent/aanvragen/{gepland.pk}/",
                f"/consulent/aanvragen/{gepland.pk}/gesprek-plannen/",
                f"/consulent/aanvragen/{gepland.pk}/gesprek-vastleggen/",
                f"/consulent/gesprekken/{gesprek.pk}/vastleggen/",
                f"/consulent/gesprekken/{gesprek.pk}/verplaatsen/",
                f"/consulent/aanvragen/{grens.pk}/adrescontrole/"):
        page.goto(live_server.url + pad)
        assert page.locator("h1").inner_text() not in ("Geen toegang", "Pagina niet gevonden")
        assert axe_schendingen(page) == [], pad

    # a form with errors (without JavaScript validation) is accessible too
    page.goto(f"{live_server.url}/consulent/aanvragen/{gepland.pk}/gesprek-plannen/")
    page.get_by_role("button", name="Plannen en uitnodiging versturen").click()
    assert page.get_by_text("Dit veld is verplicht.").first.is_visible()
    assert axe_schendingen(page) == []
