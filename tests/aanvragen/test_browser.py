"""The form as a resident uses it, in Chromium: filled in by label, zero axe violations."""

import re

import pytest
from django.core import mail

from tests.aanvragen.conftest import pad_van_link
from tests.conftest import axe_schendingen

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


def geen_schendingen(page):
    assert axe_schendingen(page) == [], page.url


def test_aanmelden_tot_en_met_mijn_aanvraag(live_server, page):
    mail.outbox.clear()
    page.goto(live_server.url + "/aanmelden/")
    geen_schendingen(page)

    # submitting the empty form: an error summary, still accessible
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert page.get_by_role("heading", name="Er ging iets mis").is_visible()
    geen_schendingen(page)

    page.get_by_label("Voornaam").fill("Inge")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Geboortedatum").fill("15-03-1985")
    page.get_by_label("E-mailadres").fill("inge@voorbeeld.nl")
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_label("Postcode").fill("7511 AB")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Straat").fill("Oude Markt")
    page.get_by_label("Woonplaats").fill("Enschede")
    page.get_by_label("Digitaal: per e-mail").check()
    page.get_by_label("Wat is de hoogste opleiding").select_option("mbo-2")
    page.get_by_label("werkend in loondienst").check()
    page.get_by_label("Wat is uw beroep").fill("productiemedewerker")
    page.get_by_label("Wat wilt u leren").fill("Ik wil elektromonteur worden.")
    page.get_by_label("geen voorkeur").check()
    page.get_by_label("Hoe heeft u van het fonds gehoord?").select_option("ikbindr")
    page.get_by_label("privacyverklaring gelezen").check()
    page.get_by_role("button", name="Aanmelding versturen").click()

    assert page.get_by_role("heading", name="Wij hebben uw aanmelding ontvangen").is_visible()
    geen_schendingen(page)
    # the reference is in the mail, not on the page (the page is the same for everyone)
    assert re.search(r"TF-\d{4}-000001", mail.outbox[0].subject)

    page.goto(live_server.url + "/inloggen/")
    geen_schendingen(page)

    assert len(mail.outbox) == 1
    page.goto(live_server.url + pad_van_link(mail.outbox[0].body))
    geen_schendingen(page)
    page.get_by_role("button", name="Inloggen en mijn aanvraag bekijken").click()
    assert page.get_by_role("heading", name=re.compile("Mijn aanvraag TF-")).is_visible()
    assert page.get_by_text("Wij hebben uw aanmelding ontvangen.").is_visible()
    geen_schendingen(page)

    page.get_by_role("link", name="Document toevoegen").click()
    geen_schendingen(page)
    page.goto(page.url.replace("documenten/", "intrekken/"))
    geen_schendingen(page)
    page.goto(live_server.url + "/mijn-aanvraag/contactgegevens/")
    geen_schendingen(page)
