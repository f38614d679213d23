"""The money chain in Chromium: grant → voorschot (batch prepared by one, approved by
another with a TOTP code) → completion proof → vaststellingsbeschikking in the resident's
portal; axe-core finds no violations on the finance pages."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cheques.models import Betaalbatch, Cheque, Vervolgbesluit
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import declareer, ken_toe
from tests.conftest import axe_schendingen, huidige_code, log_in_als_medewerker

pytestmark = pytest.mark.browser


def sessie(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


def test_voorschot_afronding_vaststelling_tot_in_het_portaal(live_server, page, transactional_db,
                                                              medewerkers, tmp_path):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    declareer(cheque, medewerkers["financieel"], "1500.00")

    # one financieel medewerker prepares the batch
    sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["financieel"]))
    page.goto(live_server.url + reverse("cheques:financien"))
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Betaalbatches (opstellen en goedkeuren)").click()
    assert page.get_by_text("1 betaling, samen € 1.500,00.").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Batch opstellen").click()
    assert page.get_by_text("Een andere financieel medewerker moet hem goedkeuren").first \
        .is_visible()
    assert axe_schendingen(page) == []
    batch = Betaalbatch.objects.get()

    # another approves it with a fresh code
    tweede = medewerkers["financieel2"]
    sessie(page, live_server, log_in_als_medewerker(Client(), tweede))
    page.goto(live_server.url + reverse("cheques:betaalbatch", kwargs={"nummer": batch.nummer}))
    page.get_by_label("Code uit uw authenticator-app").fill("000000")
    page.get_by_role("button", name="Goedkeuren en boeken").click()
    assert page.locator(".invalid-feedback").first.is_visible()
    assert axe_schendingen(page) == []
    tweede.totp_device.refresh_from_db()
    tweede.totp_device.throttle_reset()  # django-otp waits a second after a wrong code
    page.get_by_label("Code uit uw authenticator-app").fill(huidige_code(tweede.totp_device))
    page.get_by_role("button", name="Goedkeuren en boeken").click()
    assert page.get_by_text("De batch is goedgekeurd en de betalingen zijn geboekt.").is_visible()
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.VOORSCHOT_BETAALD

    # the completion proof, then the vaststelling
    sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["financieel"]))
    page.goto(live_server.url + reverse("cheques:cheque", kwargs={"nummer": cheque.nummer}))
    assert axe_schendingen(page) == []
    bewijs = tmp_path / "diploma.pdf"
    bewijs.write_bytes(b"%PDF-1.4 diploma")
    page.get_by_label("Diploma").check()
    page.get_by_label("Bewijs (PDF)").set_input_files(str(bewijs))
    page.get_by_role("button", name="Afronding vastleggen").click()
    assert page.get_by_text("De afronding is vastgelegd.").is_visible()
    page.get_by_label("Vast te stellen bedrag (€)").fill("1.500,00")
    page.get_by_label("Motivering (artikel 3:47 Awb)").fill(
        "U heeft het diploma behaald; de subsidie wordt volledig vastgesteld.")
    page.get_by_role("button", name="Vaststellen").click()
    assert page.get_by_text("De subsidie is vastgesteld").first.is_visible()
    assert axe_schendingen(page) == []
    page.goto(live_server.url + reverse("cheques:terugvorderingen"))
    assert axe_schendingen(page) == []
    besluit = Vervolgbesluit.objects.get(cheque=cheque, soort="vaststelling")
    assert besluit.bedrag == Decimal("1500.00")

    # the resident reads it in the portal
    inwoner = Client()
    inwoner.force_login(plan.aanvraag.aanvrager, backend="aanvragen.auth.InlogLinkBackend")
    sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": plan.aanvraag.pk}))
    assert page.get_by_text("De subsidie voor uw scholing is vastgesteld").first.is_visible()
    assert page.get_by_text("Uw scholing is afgerond").first.is_visible()
    assert axe_schendingen(page) == []
