"""The beheer pages in Chromium: a role change asked by one beheerder and approved by a
second, each with a fresh code; axe-core finds nothing. Writes the screenshots of
docs/beheer.md (docs/img/)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import ROOT, axe_schendingen, huidige_code, log_in_als_medewerker
from tfvv import gebruikersbeheer
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.browser


def _inloggen(page, live_server, user):
    page.context.clear_cookies()
    client = log_in_als_medewerker(Client(), user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_rolwijziging_aanvragen_en_goedkeuren(live_server, page, medewerkers, maak_gebruiker):
    a = medewerkers["beheerder"]
    b = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username="beheerder-b")
    doel = medewerkers["consulent_lwl"]
    page.set_viewport_size({"width": 1200, "height": 900})

    _inloggen(page, live_server, a)
    page.goto(live_server.url + reverse("tfvv:beheer"))
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Medewerkers en rollen").click()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name=doel.get_full_name()).click()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Rollen wijzigen").click()
    page.get_by_label("Consulent").uncheck()
    page.get_by_label("Beoordelaar").check()
    page.get_by_label("Waarom?").fill("Versterkt het team van de gemeente")
    page.get_by_label("Nieuwe code uit uw authenticator-app").fill(huidige_code(a.totp_device))
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "beheer-rollen-aanvragen.png", full_page=True)
    page.get_by_role("button", name="Wijziging aanvragen").click()
    assert page.get_by_text("Wacht op goedkeuring").is_visible()
    assert gebruikersbeheer.rollen_van(doel) == [Rol.CONSULENT]

    _inloggen(page, live_server, b)
    page.goto(live_server.url + reverse("tfvv:goedkeuringen"))
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Rollen van").click()
    page.get_by_label("Goedkeuren").check()
    page.get_by_label("Nieuwe code uit uw authenticator-app").fill(huidige_code(b.totp_device))
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "beheer-goedkeuren.png", full_page=True)
    page.get_by_role("button", name="Besluit vastleggen").click()
    assert page.get_by_text("Goedgekeurd").is_visible()
    assert gebruikersbeheer.rollen_van(doel) == [Rol.BEOORDELAAR]

    for naam in ("tfvv:regelingen", "tfvv:regeling-nieuw", "referentiebeheer:opleiders",
                 "referentiebeheer:kansberoepenlijsten", "tfvv:gebruiker-nieuw"):
        page.goto(live_server.url + reverse(naam))
        assert axe_schendingen(page) == [], naam
