"""The whole dossier of an aanvraag: what it shows to whom, the PDF, and its query count."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aanvragen.services import voeg_document_toe
from cheques import services
from cheques.models import Aanvulverzoek
from loopbaangesprekken.models import Cofinancieringsregel, Gesprek, Kostenregel
from tests.aanvragen.bestanden import PDF, upload
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import betaal
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Begrotingsperiode, Inzage
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

VERSLAG = "Vertrouwelijk verslag: motivatie is hoog."


def vol_dossier(medewerkers, *, extra: int = 0, loket=Organisatie.LEERWERKLOKET,
                toekennen: bool = True):
    """A granted case with a gesprek, documents, cost and co-financing lines with
    evidence, an answered aanvulverzoek, a declaratie and a payment; `extra` adds that many
    more gesprekken, documents, lines and events (for the query count)."""
    consulent = medewerkers["consulent_lwl" if loket == Organisatie.LEERWERKLOKET
                            else "consulent_lbs"]
    plan = ScholingsplanFactory(consulent=consulent, aanvraag__loket=loket,
                                aanvraag__consulent=consulent,
                                advies="Advies: kansrijk, goed gemotiveerd.",
                                arbeidsmarktperspectief="Veel vacatures in de regio.",
                                arbeidsmarktperspectief_bewijs=ContentFile(PDF, name="vac.pdf"))
    aanvraag = plan.aanvraag
    for i in range(1 + extra):
        GesprekFactory(aanvraag=aanvraag, consulent=consulent, status=Gesprek.Status.GEVOERD,
                       verslag=VERSLAG)
        voeg_document_toe(aanvraag=aanvraag, soort="offerte",
                          bestand=upload(f"offerte{i}.pdf", PDF), mime="application/pdf",
                          actor=aanvraag.aanvrager)
        Kostenregel.objects.create(plan=plan, soort="cursusgeld", omschrijving=f"Module {i}",
                                   bedrag=Decimal("1000.00"))
        Cofinancieringsregel.objects.create(
            plan=plan, bron="werkgever", partij=f"Werkgever {i} BV", bedrag=Decimal("500.00"),
            status="toegezegd", bewijs=ContentFile(PDF, name="toezegging.pdf"),
            bewijs_reden="Getekende werkgeversverklaring.")
        Aanvulverzoek.objects.create(plan=plan, gevraagd_door=medewerkers["beoordelaar"],
                                     omschrijving=f"Stuur de offerte {i}",
                                     hersteltermijn_tot=datetime.date(2026, 6, 1),
                                     beantwoord_op=timezone.now())
    registreer_gebeurtenis(actor=None, obj=aanvraag, actie="documenten_verzonden",
                           dossier_id=aanvraag.pk)
    if not toekennen:
        return plan
    if not Begrotingsperiode.objects.exists():
        maak_periode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        cheque = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                    bedrag=Decimal("1500.00"),
                                    motivering="Voldoet aan de verordening.").cheque
    fin = medewerkers["financieel"]
    services.registreer_declaratie(cheque=cheque, door=fin, factuurnummer="F-0",
                                   factuurdatum=timezone.localdate(), bedrag=Decimal("1500.00"),
                                   bewijs=ContentFile(PDF, name="factuur.pdf"))
    betaal(fin, medewerkers["financieel2"])  # the voorschot, in a batch with four eyes
    return plan


def dossier_url(plan):
    return reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})


def test_de_beoordelaar_ziet_alles_waarop_het_besluit_rust(client_als, medewerkers):
    plan = vol_dossier(medewerkers)
    html = client_als("beoordelaar").get(dossier_url(plan)).content.decode()
    cheque = plan.beschikking.cheque
    for tekst in (plan.aanvraag.achternaam, "Advies: kansrijk", "Veel vacatures in de regio",
                  "Module 0", "Werkgever 0 BV", "Stuur de offerte 0", "hersteltermijn tot en met",
                  "Voldoet aan de verordening.", cheque.nummer, "Declaratie F-0", "Betaald op",
                  VERSLAG,
                  "offerte0.pdf", "systeem", "Documenten verzonden", "Cheque uitgegeven"):
        assert tekst in html, tekst
    for url in (reverse("loopbaangesprekken:scholingsplan-onderbouwing", kwargs={"pk": plan.pk}),
                reverse("loopbaangesprekken:scholingsplan-cofinancieringsbewijs",
                        kwargs={"pk": plan.cofinanciering.first().pk}),
                reverse("aanvragen:document", kwargs={"pk": plan.aanvraag.documenten.get().pk}),
                reverse("cheques:beschikking-pdf", kwargs={"pk": plan.beschikking.pk}),
                reverse("cheques:cheque-pdf", kwargs={"pk": plan.beschikking.pk}),
                reverse("cheques:dossier-pdf", kwargs={"aanvraag_id": plan.aanvraag_id})):
        assert f'href="{url}"' in html, url
    assert "ingediend → " not in html and "toekenning_voorstellen" not in html


def test_financien_ziet_geen_verslag_en_geen_bewijslinks(client_als, medewerkers):
    plan = vol_dossier(medewerkers)
    html = client_als("financieel").get(dossier_url(plan)).content.decode()
    assert plan.beschikking.cheque.nummer in html
    assert VERSLAG not in html
    assert reverse("loopbaangesprekken:scholingsplan-onderbouwing",
                   kwargs={"pk": plan.pk}) not in html


def test_consulent_eigen_loket_en_manager_wel_ander_loket_404(client_als, medewerkers):
    plan = vol_dossier(medewerkers, toekennen=False)
    assert client_als("consulent_lwl").get(dossier_url(plan)).status_code == 200
    assert client_als("consulent_manager").get(dossier_url(plan)).status_code == 200
    assert client_als("consulent_lbs").get(dossier_url(plan)).status_code == 404
    assert client_als("adviesgroep").get(dossier_url(plan)).status_code == 403


def test_inzien_wordt_gelogd_en_de_pdf_is_een_pdf(client_als, medewerkers):
    plan = vol_dossier(medewerkers)
    c = client_als("beoordelaar")
    c.get(dossier_url(plan))
    antwoord = c.get(reverse("cheques:dossier-pdf", kwargs={"aanvraag_id": plan.aanvraag_id}))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")
    handelingen = set(Inzage.objects.filter(dossier_id=plan.aanvraag_id,
                                            gebruiker=medewerkers["beoordelaar"])
                      .values_list("handeling", "onderdeel"))
    assert {("bekeken", "dossier (bekeken)"), ("gedownload", "dossier (PDF)")} <= handelingen


def test_queries_gelijk_bij_twee_groottes(client_als, medewerkers, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klein = vol_dossier(medewerkers)
    groot = vol_dossier(medewerkers, extra=4)
    c = client_als("beoordelaar")
    c.get(dossier_url(klein))  # warm the session
    with CaptureQueriesContext(connection) as eerste:
        assert c.get(dossier_url(klein)).status_code == 200
    with django_assert_num_queries(len(eerste)):
        assert c.get(dossier_url(groot)).status_code == 200


def test_het_beoordelingsscherm_toont_de_onderbouwing_en_linkt_het_dossier(client_als,
                                                                           medewerkers):
    maak_periode()
    plan = vol_dossier(medewerkers, toekennen=False)
    html = client_als("beoordelaar").get(
        reverse("cheques:plan", kwargs={"plan_id": plan.pk})).content.decode()
    for tekst in ("Advies: kansrijk", "Veel vacatures in de regio", "Module 0", "Werkgever 0 BV",
                  "offerte0.pdf", dossier_url(plan),
                  reverse("loopbaangesprekken:scholingsplan-cofinancieringsbewijs",
                          kwargs={"pk": plan.cofinanciering.first().pk})):
        assert tekst in html, tekst


def test_de_consulent_ziet_de_documenten_gelinkt_op_de_aanvraag(client_als, medewerkers):
    plan = vol_dossier(medewerkers, toekennen=False)
    html = client_als("consulent_lwl").get(
        reverse("loopbaangesprekken:aanvraag", kwargs={"pk": plan.aanvraag_id})).content.decode()
    document = plan.aanvraag.documenten.get()
    assert reverse("aanvragen:document", kwargs={"pk": document.pk}) in html
    assert dossier_url(plan) in html
