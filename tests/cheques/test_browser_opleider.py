"""The opleider portal in Chromium: ask a login link, open it, wrong code refused, right
code logs in, Mijn cheques with search and the expiry flag; axe-core finds no violations."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cheques.models import Cheque
from tests.cheques.financien import ken_toe
from tests.cheques.opleiders import maak_opleidergebruiker
from tests.conftest import axe_schendingen, huidige_code

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
    assert page.get_by_role("cell", name=cheque.nummer).is_visible()
    assert page.get_by_text("Verloopt binnen 30 dagen").is_visible()
    assert page.get_by_text(ander.nummer).count() == 0
    assert axe_schendingen(page) == []
    page.get_by_label("Zoeken op chequenummer, achternaam of opleiding").fill("lassen")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_role("cell", name="Lassen MIG/MAG").is_visible()
    assert axe_schendingen(page) == []
