"""The opleider portal in Chromium: ask a login link, open it, wrong code refused, right
code logs in, Mijn cheques with search and the expiry flag; a cheque's payments, the
colleagues page of the opleider's beheerder and the fund deactivating an account;
axe-core finds no violations."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cheques.models import Cheque, Opleideraccount
from tests.cheques.financien import betaal, declareer, ken_toe
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import axe_schendingen, huidige_code, log_in_als_medewerker

pytestmark = pytest.mark.browser


def test_inloggen_en_mijn_cheques(live_server, page, transactional_db, medewerkers):
    from tests.cheques.factories import ScholingsplanFactory, maak_periode

    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                opleiding_naam="Lassen MIG/MAG")
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    Cheque.objects.filter(pk=cheque.pk).update(
        geldig_tot=timezone.localdate() + datetime.timedelta(days=12))
    ander = ken_toe(ScholingsplanFactory(consulent=medewerkers["consulent_lwl"]),
                    medewerkers["beoordelaar"], "900.00")
    gebruiker = maak_opleidergebruiker(plan.opleider, medewerkers["beheerder"],
                                       email="docent@roc.example")
    mail.outbox.clear()

    page.goto(live_server.url + reverse("cheques:opleider-inloggen"))
    assert axe_schendingen(page) == []
    page.get_by_label("Uw e-mailadres").fill("docent@roc.example")
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    assert page.get_by_text("ontvangt u binnen enkele minuten").is_visible()
    assert axe_schendingen(page) == []
    link = re.search(r"https?://\S+/opleider/inloggen/\S+/", mail.outbox[-1].body).group(0)

    page.goto(live_server.url + "/" + link.split("/", 3)[3])
    assert axe_schendingen(page) == []
    goed = huidige_code(gebruiker.totp_device)
    page.get_by_label("Code uit uw authenticator-app").fill("000000" if goed != "000000"
                                                            else "111111")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_text("Deze code klopt niet").is_visible()
    assert axe_schendingen(page) == []
    page.wait_for_timeout(1200)  # django-otp throttles the device after a wrong code
    page.get_by_label("Code uit uw authenticator-app").fill(huidige_code(gebruiker.totp_device))
    page.get_by_role("button", name="Inloggen").click()

    assert page.get_by_role("heading", name="Mijn cheques").is_visible()
    assert page.get_by_role("cell", name=cheque.nummer, exact=True).is_visible()
    assert page.get_by_text("Verloopt binnen 30 dagen").is_visible()
    assert page.get_by_text(ander.nummer).count() == 0
    assert axe_schendingen(page) == []
    page.get_by_label("Zoeken op chequenummer, achternaam of opleiding").fill("lassen")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_role("cell", name="Lassen MIG/MAG").is_visible()
    assert axe_schendingen(page) == []


def sessie(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


def test_collegas_betaalstatus_en_uitzetten(live_server, page, transactional_db, medewerkers):
    """The opleider's beheerder invites a colleague and sees a paid cheque; the fund's
    beheerder deactivates the colleague. Every new page: axe-core, no violations."""
    from tests.cheques.factories import ScholingsplanFactory, maak_periode

    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    declareer(cheque, medewerkers["financieel"], "1500.00")
    batch = betaal(medewerkers["financieel"], medewerkers["financieel2"])
    baas = maak_opleidergebruiker(plan.opleider, medewerkers["beheerder"],
                                  email="baas@roc.example", is_beheerder=True)
    sessie(page, live_server, log_in_als_opleider(baas))

    page.goto(live_server.url + reverse("cheques:opleider-cheques"))
    page.get_by_role("link", name=cheque.nummer, exact=True).click()
    assert page.get_by_role("heading", name=f"Cheque {cheque.nummer}").is_visible()
    assert page.get_by_role("cell", name=batch.nummer).is_visible()
    assert axe_schendingen(page) == []

    page.goto(live_server.url + reverse("cheques:opleider-collegas"))
    assert axe_schendingen(page) == []
    page.get_by_label("Voornaam").fill("Nina")
    page.get_by_label("Achternaam").fill("Nieuw")
    page.get_by_label("E-mailadres").fill("nina@roc.example")
    page.get_by_label("Nieuwe code uit uw authenticator-app").fill("000000")
    page.get_by_role("button", name="Collega uitnodigen").click()
    assert page.get_by_text("Deze code klopt niet").is_visible()
    assert axe_schendingen(page) == []
    page.wait_for_timeout(1200)  # django-otp throttles the device after a wrong code
    page.get_by_label("Nieuwe code uit uw authenticator-app").fill(
        huidige_code(baas.totp_device))
    page.get_by_role("button", name="Collega uitnodigen").click()
    assert page.get_by_role("cell", name="nina@roc.example").is_visible()
    page.get_by_role("link", name="Nina Nieuw").click()
    assert page.get_by_role("heading", name="Beheerder maken").is_visible()
    assert axe_schendingen(page) == []

    nina = Opleideraccount.objects.get(gebruiker__email="nina@roc.example")
    beheerder = medewerkers["beheerder"]
    sessie(page, live_server, log_in_als_medewerker(Client(), beheerder))
    page.goto(live_server.url + reverse("cheques:opleider-accounts",
                                        kwargs={"pk": plan.opleider.pk}))
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Nina Nieuw").click()
    assert axe_schendingen(page) == []
    page.get_by_label("Reden").fill("Verkeerd adres")
    page.get_by_label("Nieuwe code uit uw authenticator-app").fill(
        huidige_code(beheerder.totp_device))
    page.get_by_role("button", name="Account uitzetten").click()
    assert page.get_by_text("Het account is uitgezet").is_visible()
    nina.gebruiker.refresh_from_db()
    assert not nina.gebruiker.is_active
    assert axe_schendingen(page) == []
