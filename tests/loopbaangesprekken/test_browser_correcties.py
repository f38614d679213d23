"""Corrections in Chromium, checked by axe-core: the consulent corrects a verslag (the case
page shows the latest with who changed it, and the earlier versions), removes a document on
the case; the resident removes their own upload; finance corrects a declaratie."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Document
from aanvragen.services import voeg_document_toe
from loopbaangesprekken.models import Gesprek, Verslagversie
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.factories import AanvraagFactory
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import declareer, ken_toe
from tests.conftest import axe_schendingen, log_in_als_medewerker
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.roles import Organisatie

pytestmark = pytest.mark.browser


def inloggen(page, live_server, user, *, inwoner=False):
    client = Client()
    if inwoner:
        client.force_login(user, backend="aanvragen.auth.InlogLinkBackend")
    else:
        log_in_als_medewerker(client, user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


@pytest.fixture
def zaak(transactional_db, medewerkers):
    consulent = medewerkers["consulent_lwl"]
    aanvraag = AanvraagFactory(loket=Organisatie.LEERWERKLOKET, status="in_behandeling",
                               consulent=consulent)
    gesprek = GesprekFactory(aanvraag=aanvraag, status=Gesprek.Status.GEVOERD,
                             gevoerd_op=timezone.now(), duur_minuten=45,
                             onderwerpen=["testen"], verslag="Eerste versie van het verslag.",
                             uitkomst="vervolggesprek")
    documenten = [voeg_document_toe(aanvraag=aanvraag, soort="diploma", bestand=upload(n, PDF),
                                    mime="application/pdf", actor=aanvraag.aanvrager)
                  for n in ("verkeerd.pdf", "ook-verkeerd.pdf")]
    return {"aanvraag": aanvraag, "gesprek": gesprek, "documenten": documenten}


def test_verslag_corrigeren_en_document_verwijderen(live_server, page, medewerkers, zaak):
    aanvraag, gesprek = zaak["aanvraag"], zaak["gesprek"]
    inloggen(page, live_server, medewerkers["consulent_lwl"])
    page.goto(live_server.url + reverse("loopbaangesprekken:aanvraag", kwargs={"pk": aanvraag.pk}))
    page.get_by_role("link", name="Verslag corrigeren").click()
    assert page.get_by_role("heading", name="Verslag corrigeren").is_visible()
    assert axe_schendingen(page) == []
    # no reason: refused at the field, the new text kept
    page.locator("#id_verslag").fill("Tweede versie van het verslag.")
    page.get_by_role("button", name="Correctie opslaan").click()
    assert page.locator("#id_reden.is-invalid").is_visible()
    assert page.locator("#id_verslag").input_value() == \
        "Tweede versie van het verslag."
    assert axe_schendingen(page) == []
    page.get_by_label("Reden van de correctie").fill("Naam van de opleider verkeerd.")
    page.get_by_role("button", name="Correctie opslaan").click()
    assert page.get_by_text("Het verslag is gecorrigeerd").is_visible()
    assert page.get_by_text("Tweede versie van het verslag.").is_visible()
    assert page.locator(".verslag-gewijzigd").get_by_text("Gewijzigd op").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Eerdere versie bekijken").click()
    assert page.get_by_role("heading", name="Versies van het verslag").is_visible()
    assert page.get_by_text("Eerste versie van het verslag.").is_visible()
    assert page.get_by_text("Naam van de opleider verkeerd.").is_visible()
    assert axe_schendingen(page) == []
    assert Verslagversie.objects.get(gesprek=gesprek).tekst == "Eerste versie van het verslag."

    # a document on the case
    page.goto(live_server.url + reverse("loopbaangesprekken:aanvraag", kwargs={"pk": aanvraag.pk}))
    verwijderen = reverse("loopbaangesprekken:document-verwijderen",
                          kwargs={"pk": zaak["documenten"][0].pk})
    page.locator(f"a[href='{verwijderen}']").click()
    assert page.get_by_role("heading", name="Document verwijderen").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Document verwijderen").click()
    assert page.locator("#id_reden.is-invalid").is_visible()
    page.get_by_label("Waarom moet het document weg?").fill("Document van iemand anders.")
    page.get_by_role("button", name="Document verwijderen").click()
    assert page.get_by_text("Het document is verwijderd").is_visible()
    assert axe_schendingen(page) == []
    assert list(Document.objects.values_list("originele_naam", flat=True)) == \
        ["ook-verkeerd.pdf"]

    # the resident removes their own upload
    inloggen(page, live_server, aanvraag.aanvrager, inwoner=True)
    page.goto(live_server.url + reverse("aanvragen:documenten", kwargs={"pk": aanvraag.pk}))
    verwijderen = reverse("aanvragen:document-verwijderen",
                          kwargs={"pk": zaak["documenten"][1].pk})
    page.locator(f"a[href='{verwijderen}']").click()
    assert page.get_by_role("heading", name="Document verwijderen").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Waarom moet het document weg?").fill("Verkeerd bestand gekozen.")
    page.get_by_role("button", name="Document verwijderen").click()
    assert page.get_by_text("Het document is verwijderd.").is_visible()
    assert axe_schendingen(page) == []
    assert not Document.objects.exists()


def test_declaratie_corrigeren(live_server, page, transactional_db, medewerkers):
    maak_periode()
    cheque = ken_toe(ScholingsplanFactory(consulent=medewerkers["consulent_lwl"]),
                     medewerkers["beoordelaar"], "1500.00")
    declareer(cheque, medewerkers["financieel"], "1500.00")
    inloggen(page, live_server, medewerkers["financieel"])
    page.goto(live_server.url + reverse("cheques:cheque", kwargs={"nummer": cheque.nummer}))
    page.get_by_role("link", name="Declaratie corrigeren").click()
    assert axe_schendingen(page) == []
    page.get_by_label("Bedrag (€)").fill("1.600,00")
    page.get_by_label("Reden van de correctie").fill("Tikfout in het bedrag.")
    page.get_by_role("button", name="Correctie opslaan").click()
    assert page.get_by_text("hoger dan de cheque").first.is_visible()
    assert axe_schendingen(page) == []
    assert page.get_by_label("Reden van de correctie").input_value() == "Tikfout in het bedrag."
    page.get_by_label("Bedrag (€)").fill("1.450,00")
    page.get_by_role("button", name="Correctie opslaan").click()
    assert page.get_by_text("De declaratie is gecorrigeerd.").is_visible()
    assert cheque.declaraties.get().bedrag == Decimal("1450.00")
