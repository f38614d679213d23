"""The journey of an opleider's declaratie in Chromium (issue 20, "Show"): the opleider logs
in and declares with proof, finance finds it in its queue, asks a question, the opleider
answers, finance accepts and sets the subsidy, a payment batch is prepared by one and
approved by another financieel medewerker, and the opleider sees the cheque paid. axe-core
finds no violations on any page. Writes the screenshots of docs/opleiders.md (docs/img/)."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Cheque, Declaratieindiening
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import ken_toe
from tests.cheques.opleiders import maak_opleidergebruiker
from tests.conftest import ROOT, axe_schendingen, huidige_code, log_in_als_medewerker

pytestmark = pytest.mark.browser


def sessie(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


def log_in_als_opleider(page, live_server, gebruiker):
    """As an opleider does: ask a link, open it, type the code of the authenticator app."""
    page.context.clear_cookies()
    mail.outbox.clear()
    page.goto(live_server.url + reverse("cheques:opleider-inloggen"))
    page.get_by_label("Uw e-mailadres").fill(gebruiker.email)
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    link = re.search(r"https?://\S+/opleider/inloggen/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("/", 3)[3])
    page.get_by_label("Code uit uw authenticator-app").fill(huidige_code(gebruiker.totp_device))
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("heading", name="Mijn cheques").is_visible()


def test_opleider_declareert_financien_accepteert_en_betaalt(live_server, page, transactional_db,
                                                             medewerkers, tmp_path):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                opleiding_naam="Lassen MIG/MAG")
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    opleider = maak_opleidergebruiker(plan.opleider, medewerkers["beheerder"],
                                      email="docent@roc.example")
    factuur, diploma = tmp_path / "factuur.pdf", tmp_path / "diploma.pdf"
    factuur.write_bytes(b"%PDF-1.4 factuur")
    diploma.write_bytes(b"%PDF-1.4 diploma")
    page.set_viewport_size({"width": 1200, "height": 900})

    # the opleider declares the invoice with the diploma
    log_in_als_opleider(page, live_server, opleider)
    page.get_by_role("link", name=f"Declareren {cheque.nummer}").click()
    assert axe_schendingen(page) == []
    page.get_by_label("Factuurnummer").fill("ROC-2026-0042")
    page.get_by_label("Factuurdatum").fill(timezone.localdate().isoformat())
    page.get_by_label("Bedrag (€)").fill("1.450,00")
    page.get_by_label("Factuur (PDF)").set_input_files(str(factuur))
    page.get_by_label("diploma", exact=True).check()
    page.get_by_label("Bewijs (PDF)").set_input_files(str(diploma))
    page.screenshot(path=ROOT / "docs" / "img" / "opleider-declareren.png", full_page=True)
    page.get_by_role("button", name="Declaratie indienen").click()
    assert page.get_by_text("Uw declaratie is ingediend.").is_visible()
    assert axe_schendingen(page) == []
    indiening = Declaratieindiening.objects.get()
    portaal = page.url

    # finance finds it in the queue and asks a question
    financieel = log_in_als_medewerker(Client(), medewerkers["financieel"])
    sessie(page, live_server, financieel)
    page.goto(live_server.url + reverse("cheques:financien"))
    page.get_by_role("link", name="Declaraties van opleiders (1 open)").click()
    assert page.get_by_role("heading", name="Declaraties van opleiders").is_visible()
    assert page.get_by_text("1 declaratie wacht op beoordeling.").is_visible()
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "financien-declaraties.png", full_page=True)
    page.get_by_role("link", name=cheque.nummer).click()
    assert page.get_by_role("link", name="Factuur downloaden (PDF)").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Bericht aan de opleider").fill("Is het diploma behaald in december?")
    page.get_by_role("button", name="Bericht versturen").click()
    assert page.get_by_text("Uw bericht is verstuurd").is_visible()
    assert axe_schendingen(page) == []
    # returning without a reason: refused at the field
    page.get_by_role("button", name="Terugsturen").click()
    assert page.get_by_text("Schrijf op waarom u de declaratie terugstuurt").first.is_visible()
    assert axe_schendingen(page) == []

    # the opleider reads the question and answers
    log_in_als_opleider(page, live_server, opleider)
    page.goto(portaal)
    assert page.get_by_text("Is het diploma behaald in december?").is_visible()
    page.get_by_label("Uw bericht").fill("Ja, op 1 december.")
    page.get_by_role("button", name="Bericht versturen").click()
    assert page.get_by_text("Uw bericht is verstuurd.").is_visible()

    # finance reads the answer, accepts, and sets the subsidy on the cheque page
    sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["financieel"]))
    page.goto(live_server.url + reverse("cheques:financien-declaratie",
                                        kwargs={"pk": indiening.pk}))
    assert page.get_by_text("Ja, op 1 december.").is_visible()
    page.get_by_role("button", name="Accepteren").click()
    assert page.get_by_text("De declaratie is geaccepteerd.").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Vaststellen").click()
    assert page.get_by_text("Declaraties van de opleider (portaal)").is_visible()
    page.get_by_label("Vast te stellen bedrag (€)").fill("1.450,00")
    page.get_by_label("Motivering (artikel 3:47 Awb)").fill(
        "U heeft het diploma behaald; de subsidie wordt vastgesteld op de factuur.")
    page.get_by_role("button", name="Vaststellen").click()
    assert page.get_by_text("De subsidie is vastgesteld").first.is_visible()
    assert axe_schendingen(page) == []

    # the payment batch: prepared by one, approved by another (services)
    batch = services.stel_betaalbatch_op(door=medewerkers["financieel"],
                                         betaaldatum=timezone.localdate())
    tweede = medewerkers["financieel2"]
    services.keur_betaalbatch_goed(batch=batch, door=tweede,
                                   code=huidige_code(tweede.totp_device))
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.BETAALD

    # the opleider sees the cheque paid (the status column of Mijn cheques)
    log_in_als_opleider(page, live_server, opleider)
    assert page.get_by_role("cell", name="Betaald en afgehandeld").is_visible()
    assert page.get_by_text(batch.nummer).is_visible()
    assert axe_schendingen(page) == []
