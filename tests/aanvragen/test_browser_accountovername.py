"""The account takeover of issue 15, tried with two browsers: it fails.

The attacker registers, logs in and sets the victim's address on their account; the
victim registers later. The attacker never sees the victim's aanvraag (portal, AVG
export); the victim's own link gives the victim their aanvraag. Pages are axe-checked.
"""

import re

import pytest
from django.core import mail

from tests.aanvragen.conftest import pad_van_link
from tests.conftest import axe_schendingen
from tests.reizen.conftest import vul_aanmelding_in

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]

AANVALLER = "aanvaller@voorbeeld.nl"
SLACHTOFFER = "slachtoffer@voorbeeld.nl"


def geen_schendingen(page):
    assert axe_schendingen(page) == [], page.url


def meld_aan(page, url, *, voornaam, achternaam, email, geboortedatum):
    page.goto(url + "/aanmelden/")
    vul_aanmelding_in(page, voornaam=voornaam, achternaam=achternaam, email=email)
    page.get_by_label("Geboortedatum").fill(geboortedatum)
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert page.get_by_role("heading", name="Wij hebben uw aanmelding ontvangen").is_visible()


def log_in(page, url, email):
    berichten = [m for m in mail.outbox if m.to == [email] and "/inloggen/" in m.body]
    page.goto(url + pad_van_link(berichten[-1].body))
    page.get_by_role("button", name="Inloggen en mijn aanvraag bekijken").click()
    assert page.get_by_role("heading", name=re.compile("Mijn aanvraag")).is_visible()


def test_overname_met_twee_browsers_lukt_niet(live_server, browser):
    mail.outbox.clear()
    url = live_server.url
    aanvaller = browser.new_context().new_page()
    slachtoffer = browser.new_context().new_page()

    # 1. the attacker registers, logs in and asks for the victim's address
    meld_aan(aanvaller, url, voornaam="Kees", achternaam="Kwaad", email=AANVALLER,
             geboortedatum="01-01-1980")
    geen_schendingen(aanvaller)
    log_in(aanvaller, url, AANVALLER)
    aanvaller.goto(url + "/mijn-aanvraag/contactgegevens/")
    aanvaller.get_by_label("E-mailadres").fill(SLACHTOFFER)
    aanvaller.get_by_role("button", name="Opslaan").click()
    assert aanvaller.get_by_text("verandert pas als u die link gebruikt").is_visible()
    aanvaller.goto(url + "/mijn-aanvraag/contactgegevens/")
    assert aanvaller.get_by_text("Tot dan gebruiken we").is_visible()  # still pending
    geen_schendingen(aanvaller)

    # 2. the victim registers with their own address, and gets the usual receipt
    meld_aan(slachtoffer, url, voornaam="Sanne", achternaam="Slachtoffer", email=SLACHTOFFER,
             geboortedatum="02-02-1990")
    referentie = re.search(r"TF-\d{4}-\d{6}", [m.subject for m in mail.outbox
                                               if m.to == [SLACHTOFFER]][-1]).group(0)

    # 3. the attacker sees nothing of it: portal, AVG export, the aanvraag's own page
    aanvaller.goto(url + "/mijn-aanvraag/")
    assert "Slachtoffer" not in aanvaller.content() and referentie not in aanvaller.content()
    export = aanvaller.request.get(url + "/mijn-aanvraag/mijn-gegevens/").text()
    assert "Slachtoffer" not in export and referentie not in export
    assert '"e-mailadres": "aanvaller@voorbeeld.nl"' in export

    # 4. the attacker's confirmation link reached the victim's mailbox only; the attacker
    #    cannot use it, and the victim using it (not logged in) only gets a login page
    bevestiging = next(m for m in mail.outbox if m.to == [SLACHTOFFER]
                       and "/mijn-aanvraag/e-mailadres/" in m.body)
    link = re.search(r"/mijn-aanvraag/e-mailadres/[A-Za-z0-9_-]+/", bevestiging.body).group(0)
    slachtoffer.goto(url + link)
    assert slachtoffer.get_by_role("heading", name="Inloggen").is_visible() or \
        "/inloggen/" in slachtoffer.url

    # 5. the victim's own link opens the victim's own aanvraag
    log_in(slachtoffer, url, SLACHTOFFER)
    assert slachtoffer.get_by_role("heading", name=f"Mijn aanvraag {referentie}").is_visible()
    assert "Kwaad" not in slachtoffer.content()
    geen_schendingen(slachtoffer)

    # 6. after the victim logged in, the link still does nothing for them (another account)
    slachtoffer.goto(url + link)
    assert slachtoffer.get_by_role("heading", name="Deze link werkt niet meer").is_visible()
    assert slachtoffer.get_by_role("button", name="Ja, dit is mijn nieuwe e-mailadres").count() == 0
    geen_schendingen(slachtoffer)
    aanvaller.goto(url + "/mijn-aanvraag/")
    assert "Slachtoffer" not in aanvaller.content()
