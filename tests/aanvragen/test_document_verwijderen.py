"""Removing a wrongly uploaded document: the resident their own upload, the consulent any
document on the case; only while the aanvraag is open and no beschikking relies on it. The
file leaves the storage; the event log keeps name, soort, who, when and why (no content)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from aanvragen.documentverwijdering import verwijder_document
from aanvragen.models import Aanvraag, Document
from aanvragen.services import voeg_document_toe
from cheques import services as cheque_services
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.conftest import log_in_als_inwoner
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.cheques.factories import ScholingsplanFactory, maak_periode, toets_met
from tfvv.models import Gebeurtenis
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db
A = Aanvraag.Status


@pytest.fixture
def aanvraag(medewerkers):
    return AanvraagFactory(status=A.IN_BEHANDELING, loket=Organisatie.LEERWERKLOKET,
                           consulent=medewerkers["consulent_lwl"])


def voeg_toe(aanvraag, door=None, naam="verkeerd.pdf"):
    return voeg_document_toe(aanvraag=aanvraag, soort="diploma", bestand=upload(naam, PDF),
                             mime="application/pdf", actor=door or aanvraag.aanvrager)


def test_inwoner_verwijdert_eigen_upload(aanvraag, django_capture_on_commit_callbacks):
    document = voeg_toe(aanvraag)
    opslag, pad = document.bestand.storage, document.bestand.name
    assert opslag.exists(pad)
    with django_capture_on_commit_callbacks(execute=True):
        verwijder_document(document=document, actor=aanvraag.aanvrager,
                           reden=" Verkeerd bestand gekozen. ")
    assert not Document.objects.exists()
    assert not opslag.exists(pad)
    event = Gebeurtenis.objects.get(actie="document_verwijderen")
    assert event.actor == aanvraag.aanvrager and event.reden == "Verkeerd bestand gekozen."
    assert event.dossier_id == aanvraag.pk and event.object_id == str(document.pk)
    assert event.gegevens["naam"] == "verkeerd.pdf" and event.gegevens["soort"] == "diploma"
    assert event.gegevens["geupload_door"] == aanvraag.aanvrager_id
    assert "verkeerd.pdf" in event.tekst_inwoner
    assert set(event.gegevens) == {"naam", "soort", "mime", "grootte", "geupload_op",
                                   "geupload_door"}  # no content


def test_al_verwijderd(aanvraag):
    document = voeg_toe(aanvraag)
    verwijder_document(document=document, actor=aanvraag.aanvrager, reden="Fout.")
    with pytest.raises(PermissionDenied, match="al verwijderd"):
        verwijder_document(document=document, actor=aanvraag.aanvrager, reden="Nog eens.")


def test_bestand_blijft_als_verwijderen_mislukt(aanvraag, monkeypatch,
                                               django_capture_on_commit_callbacks):
    """The file goes only after the commit: a failure after the record was deleted rolls
    back and leaves both."""
    document = voeg_toe(aanvraag)
    origineel = Document.delete

    def mislukt(self, *args, **kwargs):
        origineel(self, *args, **kwargs)
        raise RuntimeError("storing")

    monkeypatch.setattr(Document, "delete", mislukt)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        verwijder_document(document=document, actor=aanvraag.aanvrager, reden="Fout.")
    assert document.bestand.storage.exists(document.bestand.name)
    assert Document.objects.filter(pk=document.pk).exists()


def test_consulent_verwijdert_upload_op_de_zaak(aanvraag, medewerkers,
                                               django_capture_on_commit_callbacks):
    consulent = medewerkers["consulent_lwl"]
    van_consulent = voeg_toe(aanvraag, door=consulent, naam="van-consulent.pdf")
    van_inwoner = voeg_toe(aanvraag)
    # the resident may remove only their own upload
    with pytest.raises(PermissionDenied, match="zelf heeft toegevoegd"):
        verwijder_document(document=van_consulent, actor=aanvraag.aanvrager, reden="x")
    # another loket and other roles may not
    for rol in ("consulent_lbs", "beoordelaar", "financieel", "beheerder"):
        with pytest.raises(PermissionDenied):
            verwijder_document(document=van_inwoner, actor=medewerkers[rol], reden="x")
    with pytest.raises(PermissionDenied):
        verwijder_document(document=van_inwoner, actor=InwonerFactory(), reden="x")
    with django_capture_on_commit_callbacks(execute=True):
        for document in (van_consulent, van_inwoner):
            verwijder_document(document=document, actor=consulent, reden="Hoort niet hier.")
    assert not Document.objects.exists()
    assert Gebeurtenis.objects.filter(actie="document_verwijderen", actor=consulent).count() == 2


@pytest.mark.parametrize("status", [A.TOEGEKEND, A.AFGEWEZEN, A.INGETROKKEN, A.DOORVERWEZEN])
def test_niet_na_afsluiten(aanvraag, medewerkers, status):
    document = voeg_toe(aanvraag)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(status=status)
    for actor in (aanvraag.aanvrager, medewerkers["consulent_lwl"]):
        with pytest.raises(PermissionDenied, match="afgesloten"):
            verwijder_document(document=document, actor=actor, reden="x")
    assert Document.objects.filter(pk=document.pk).exists()


def test_niet_als_een_beschikking_erop_berust(aanvraag, medewerkers):
    """A grant proposal waiting for co-signing already cites the documents before it; a
    document added afterwards can still go."""
    maak_periode()
    eerder = voeg_toe(aanvraag)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(status=A.INGEDIEND)
    plan = ScholingsplanFactory(aanvraag=aanvraag, consulent=medewerkers["consulent_lwl"],
                                toets_snapshot=toets_met(R4="handmatig beoordelen"))
    cheque_services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                              bedrag=Decimal("1000.00"), motivering="Voldoet.")
    later = voeg_toe(aanvraag, naam="later.pdf")
    for actor in (aanvraag.aanvrager, medewerkers["consulent_lwl"]):
        with pytest.raises(PermissionDenied, match="berust een beschikking"):
            verwijder_document(document=eerder, actor=actor, reden="x")
    verwijder_document(document=later, actor=aanvraag.aanvrager, reden="Dubbel.")
    assert list(Document.objects.all()) == [eerder]


def test_inwoner_via_de_pagina(aanvraag):
    document = voeg_toe(aanvraag)
    c = log_in_als_inwoner(aanvraag.aanvrager)
    lijst = c.get(reverse("aanvragen:documenten", kwargs={"pk": aanvraag.pk})).content.decode()
    url = reverse("aanvragen:document-verwijderen", kwargs={"pk": document.pk})
    assert url in lijst
    assert "verkeerd.pdf" in c.get(url).content.decode()
    antwoord = c.post(url, {"reden": ""})
    assert antwoord.status_code == 400
    assert "Vul in waarom het document weg moet." in antwoord.content.decode()
    assert Document.objects.exists()
    antwoord = c.post(url, {"reden": "Verkeerd bestand."}, follow=True)
    assert "Het document is verwijderd." in antwoord.content.decode()
    assert not Document.objects.exists()
    # someone else's document: as if it did not exist
    ander = voeg_toe(AanvraagFactory())
    assert c.get(reverse("aanvragen:document-verwijderen",
                         kwargs={"pk": ander.pk})).status_code == 404


def test_inwoner_geweigerd_met_reden(aanvraag, medewerkers):
    document = voeg_toe(aanvraag, door=medewerkers["consulent_lwl"])
    c = log_in_als_inwoner(aanvraag.aanvrager)
    url = reverse("aanvragen:document-verwijderen", kwargs={"pk": document.pk})
    assert url not in c.get(reverse("aanvragen:documenten",
                                    kwargs={"pk": aanvraag.pk})).content.decode()
    antwoord = c.post(url, {"reden": "Weg ermee."})
    assert antwoord.status_code == 403
    assert "zelf heeft toegevoegd" in antwoord.content.decode()
    assert Document.objects.exists()


def test_consulent_via_de_pagina(aanvraag, client_als):
    document = voeg_toe(aanvraag)
    c = client_als("consulent_lwl")
    zaak = reverse("loopbaangesprekken:aanvraag", kwargs={"pk": aanvraag.pk})
    url = reverse("loopbaangesprekken:document-verwijderen", kwargs={"pk": document.pk})
    assert url in c.get(zaak).content.decode()
    antwoord = c.post(url, {"reden": ""})
    assert "Vul in waarom het document weg moet." in antwoord.content.decode()
    antwoord = c.post(url, {"reden": "Document van iemand anders."}, follow=True)
    tekst = antwoord.content.decode()
    assert "Het document is verwijderd" in tekst and "document verwijderd" in tekst
    assert not Document.objects.exists()
    assert client_als("consulent_lbs").get(url).status_code == 404
