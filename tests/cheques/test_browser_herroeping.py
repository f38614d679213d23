"""Browser journey: grant → voorschot paid → intrekking with terugvordering → the resident
files a bezwaar in the portal → the beoordelaar defers the decision once (letter) and then
decides it gegrond → the cheque is restored and the terugvordering vervalt; the resident
reads the letters in the portal. Every page visited is checked by axe-core."""

import io
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from cheques.models import Cheque, Terugvordering, Vervolgbesluit
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import betaal, declareer, ken_toe
from tests.conftest import axe_schendingen, log_in_als_medewerker
from tfvv import budget_selectors

pytestmark = pytest.mark.browser


def sessie(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


def pdf_tekst(page, live_server, besluit) -> str:
    antwoord = page.context.request.get(
        live_server.url + reverse("cheques:besluit-pdf", args=[besluit.pk]))
    assert antwoord.ok
    lezer = PdfReader(io.BytesIO(antwoord.body()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in lezer.pages))


def test_intrekking_bezwaar_gegrond_cheque_hersteld(live_server, page, transactional_db,
                                                    medewerkers):
    periode = maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    cheque = ken_toe(plan, medewerkers["beoordelaar"], "1500.00")
    declareer(cheque, medewerkers["financieel"], "1000.00")
    betaal(medewerkers["financieel"], medewerkers["financieel2"])
    aanvraag = plan.aanvraag

    # the beoordelaar withdraws the subsidy; the voorschot is claimed back
    beoordelaar = log_in_als_medewerker(Client(), medewerkers["beoordelaar"])
    sessie(page, live_server, beoordelaar)
    page.goto(live_server.url + reverse("cheques:cheque", kwargs={"nummer": cheque.nummer}))
    assert axe_schendingen(page) == []
    page.get_by_label("Niet is voldaan aan de verplichtingen").check()
    page.get_by_label("Motivering (artikel 3:47 Awb)").last.fill(
        "U heeft minder dan de helft van de lessen gevolgd.")
    page.get_by_role("button", name="Subsidie intrekken").click()
    assert page.get_by_text("De subsidie is ingetrokken").first.is_visible()
    assert axe_schendingen(page) == []
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.INGETROKKEN
    terugvordering = Terugvordering.objects.get(cheque=cheque)
    assert terugvordering.bedrag == Decimal("1000.00")
    intrekking = Vervolgbesluit.objects.get(cheque=cheque, soort="intrekking")

    # finance sees the claim
    sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["financieel"]))
    page.goto(live_server.url + reverse("cheques:terugvordering",
                                        kwargs={"pk": terugvordering.pk}))
    assert page.get_by_text("€ 1.000,00").first.is_visible()
    assert axe_schendingen(page) == []

    # the resident reads the letters and files a bezwaar against the intrekking
    inwoner = Client()
    inwoner.force_login(aanvraag.aanvrager, backend="aanvragen.auth.InlogLinkBackend")
    sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": aanvraag.pk}))
    assert page.get_by_text("De subsidie voor uw scholing is ingetrokken").first.is_visible()
    assert axe_schendingen(page) == []
    assert "4:48 lid 1 onder b" in pdf_tekst(page, live_server, intrekking)
    page.goto(live_server.url + reverse("cheques:bezwaar-maken-besluit", args=[intrekking.pk]))
    assert axe_schendingen(page) == []
    page.get_by_label("Waarom bent u het niet eens met dit besluit?").fill(
        "Ik was ziek; de verklaring van mijn huisarts stuur ik mee.")
    page.get_by_role("button", name="Bezwaar versturen").click()
    assert page.get_by_text("Wij hebben uw bezwaar ontvangen").first.is_visible()
    assert axe_schendingen(page) == []

    # the beoordelaar defers once (letter), then decides gegrond
    sessie(page, live_server, beoordelaar)
    page.goto(live_server.url + reverse("cheques:bezwaren"))
    assert axe_schendingen(page) == []
    page.get_by_role("link", name=aanvraag.referentie).click()
    assert axe_schendingen(page) == []
    page.get_by_label("Beslissing verdagen met 6 weken").check()
    page.get_by_label("Reden van de verdaging").fill("Wij vragen de opleider om de presentielijst.")
    page.get_by_role("button", name="Beslistermijn aanpassen").click()
    assert page.get_by_text("De beslistermijn is aangepast.").is_visible()
    assert page.get_by_role("link", name=re.compile("brief van .* \\(PDF\\)")).is_visible()
    assert axe_schendingen(page) == []
    page.goto(live_server.url + reverse("cheques:bezwaren"))
    assert page.get_by_text("(verdaagd)").is_visible()
    page.get_by_role("link", name=aanvraag.referentie).click()
    page.get_by_label("gegrond: besluit herroepen, nieuw besluit").check()
    page.get_by_label("Motivering (artikel 7:12 Awb)").fill(
        "Uit de verklaring van de huisarts blijkt dat u door ziekte lessen miste.")
    page.get_by_label("Nieuw besluit (alleen bij gegrond)").fill(
        "De subsidie wordt niet ingetrokken.")
    page.get_by_role("button", name="Beslissing op bezwaar nemen en verzenden").click()
    assert page.get_by_text("De beslissing op bezwaar is genomen").is_visible()
    assert axe_schendingen(page) == []

    cheque.refresh_from_db()
    terugvordering.refresh_from_db()
    assert cheque.status == Cheque.Status.VOORSCHOT_BETAALD
    assert terugvordering.status == Terugvordering.Status.VERVALLEN
    stand = budget_selectors.standen([periode])[0]
    assert (stand.gereserveerd, stand.terug_te_vorderen) == (Decimal("500.00"), Decimal("0"))

    # finance: the claim is closed, the cheque page shows the restored cheque
    sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["financieel"]))
    page.goto(live_server.url + reverse("cheques:terugvordering",
                                        kwargs={"pk": terugvordering.pk}))
    assert page.get_by_text("vervallen na bezwaar").first.is_visible()
    assert axe_schendingen(page) == []

    # the resident sees the outcome and reads the letters
    sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": aanvraag.pk}))
    assert page.get_by_text("de intrekking van uw subsidie is herroepen").first.is_visible()
    assert page.get_by_text("u hoeft niets terug te betalen").first.is_visible()
    assert axe_schendingen(page) == []
    verdaging = Vervolgbesluit.objects.get(soort="verdaging")
    assert "presentielijst" in pdf_tekst(page, live_server, verdaging)
    beslissing = Vervolgbesluit.objects.get(soort="beslissing_op_bezwaar")
    brief = pdf_tekst(page, live_server, beslissing)
    assert "gegrond" in brief and "De intrekking is herroepen" in brief
    assert "De terugvordering van € 1.000,00 vervalt" in brief and cheque.nummer in brief
