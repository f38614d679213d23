"""The opleider's declaratie screens: declareren from Mijn cheques, Mijn declaraties, one
declaratie with its messages, withdrawing; another opleider's records are a 404; no state
of a cheque or a declaratie gives a 500."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cheques.models import Cheque, Declaratieindiening
from cheques.services import opleiderdeclaraties as od
from tests.cheques.factories import OpleiderFactory
from tests.cheques.financien import pdf
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.cheques.test_opleiderdeclaraties import gegevens
from tfvv.models import Inzage

pytestmark = pytest.mark.django_db
C = Cheque.Status
ST = Declaratieindiening.Status


def upload(naam="bewijs.pdf", inhoud=b"%PDF-1.4 x"):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def formulier(**velden):
    return {"factuurnummer": "F-100", "factuurdatum": timezone.localdate().strftime("%d-%m-%Y"),
            "bedrag": "1.234,50", "factuur": upload("factuur.pdf"), "bewijssoort": "start",
            "bewijs": upload(), **velden}


@pytest.fixture
def eigen(maak_cheques, medewerkers):
    """A cheque, its opleider's logged-in client and user."""
    cheque = maak_cheques(1)[0]
    gebruiker = maak_opleidergebruiker(cheque.opleider, medewerkers["beheerder"])
    return cheque, log_in_als_opleider(gebruiker), gebruiker


def test_declareren_vanuit_mijn_cheques(eigen):
    cheque, client, _gebruiker = eigen
    url = reverse("cheques:opleider-declareren", kwargs={"nummer": cheque.nummer})
    r = client.get(reverse("cheques:opleider-cheques"))
    assert url in r.content.decode()
    r = client.post(url, formulier())
    indiening = Declaratieindiening.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse(
        "cheques:opleider-declaratie", kwargs={"pk": indiening.pk})
    assert str(indiening.bedrag) == "1234.50" and indiening.factuurnummer == "F-100"
    r = client.get(r["Location"])
    assert "Ingediend, wacht op beoordeling" in r.content.decode()
    # an open declaratie: no second one, and no action in the list
    assert url not in client.get(reverse("cheques:opleider-cheques")).content.decode()
    assert "al een declaratie ingediend" in client.get(url).content.decode()


def test_fouten_bovenaan_en_bij_het_veld_invoer_blijft(eigen):
    cheque, client, _gebruiker = eigen
    url = reverse("cheques:opleider-declareren", kwargs={"nummer": cheque.nummer})
    r = client.post(url, formulier(bedrag="1.600,00", bewijssoort="aanwezigheid",
                                   bewijs=upload("x.pdf", b"geen pdf")))
    inhoud = r.content.decode()
    assert r.status_code == 400 and not Declaratieindiening.objects.exists()
    assert 'id="foutoverzicht"' in inhoud and "Upload een PDF-bestand." in inhoud
    assert 'value="F-100"' in inhoud  # input kept
    r = client.post(url, formulier(bedrag="1.600,00"))
    assert "Het bedrag is hoger dan de cheque (€ 1.500,00)." in r.content.decode()
    r = client.post(url, formulier(bewijssoort="aanwezigheid", aanwezigheid_procent="101"))
    assert r.status_code == 400


def test_na_voorschot_alleen_het_afrondingsbewijs(eigen):
    cheque, client, _gebruiker = eigen
    Cheque.objects.filter(pk=cheque.pk).update(status=C.VOORSCHOT_BETAALD)
    url = reverse("cheques:opleider-declareren", kwargs={"nummer": cheque.nummer})
    inhoud = client.get(url).content.decode()
    assert 'name="factuurnummer"' not in inhoud and 'value="start"' not in inhoud
    r = client.post(url, {"bewijssoort": "diploma", "bewijs": upload("diploma.pdf")})
    assert r.status_code == 302
    assert Declaratieindiening.objects.get().factuurnummer == ""


def test_mijn_declaraties_reden_en_berichten(eigen, medewerkers):
    cheque, client, gebruiker = eigen
    indiening = od.dien_in(cheque=cheque, door=gebruiker, gegevens=gegevens(),
                           factuur=pdf(), bewijs=pdf())
    od.stuur_terug(indiening=indiening, door=medewerkers["financieel"],
                   reden="De factuurdatum klopt niet.")
    inhoud = client.get(reverse("cheques:opleider-declaraties")).content.decode()
    assert "Teruggestuurd" in inhoud and "De factuurdatum klopt niet." in inhoud
    url = reverse("cheques:opleider-declaratie", kwargs={"pk": indiening.pk})
    assert client.post(url, {"tekst": " "}).status_code == 400
    r = client.post(url, {"tekst": "Ik stuur een nieuwe factuur."})
    assert r.status_code == 302
    od.stuur_bericht(indiening=indiening, door=medewerkers["financieel"], tekst="Prima.")
    inhoud = client.get(url).content.decode()
    assert "Ik stuur een nieuwe factuur." in inhoud and "Prima." in inhoud
    assert "Twents Fonds voor Vakmanschap" in inhoud
    assert "financieel" not in inhoud.lower().split("<main")[-1]  # no staff name shown


def test_eigen_factuur_en_bewijs_openen(eigen):
    """The opleider opens the PDFs it sent from the declaratie page (logged as inzage)."""
    cheque, client, gebruiker = eigen
    indiening = od.dien_in(cheque=cheque, door=gebruiker, gegevens=gegevens(),
                           factuur=pdf(), bewijs=pdf())
    pagina = client.get(reverse("cheques:opleider-declaratie",
                                kwargs={"pk": indiening.pk})).content.decode()
    for document in ("factuur", "bewijs"):
        url = reverse(f"cheques:opleider-declaratie-{document}", kwargs={"pk": indiening.pk})
        assert url in pagina
        antwoord = client.get(url)
        assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
        assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
        assert f'filename="{document}-{cheque.nummer}-{indiening.pk}.pdf"' in \
            antwoord["Content-Disposition"]
    assert set(Inzage.objects.filter(gebruiker=gebruiker).values_list(
        "onderdeel", "dossier_id")) == {
        (f"eigen declaratie van de opleider: {d}", cheque.beschikking.plan.aanvraag_id)
        for d in ("factuur", "bewijs")}


def test_intrekken(eigen):
    cheque, client, gebruiker = eigen
    indiening = od.dien_in(cheque=cheque, door=gebruiker, gegevens=gegevens(),
                           factuur=pdf(), bewijs=pdf())
    url = reverse("cheques:opleider-declaratie-intrekken", kwargs={"pk": indiening.pk})
    assert client.post(url).status_code == 302
    indiening.refresh_from_db()
    assert indiening.status == ST.INGETROKKEN
    r = client.post(url, follow=True)  # twice: a message, no error page
    assert r.status_code == 200 and "al ingetrokken" in r.content.decode()


def test_andere_opleider_krijgt_404(eigen, medewerkers):
    cheque, _client, gebruiker = eigen
    indiening = od.dien_in(cheque=cheque, door=gebruiker, gegevens=gegevens(),
                           factuur=pdf(), bewijs=pdf())
    vreemde = log_in_als_opleider(maak_opleidergebruiker(OpleiderFactory(),
                                                         medewerkers["beheerder"]))
    declareren = reverse("cheques:opleider-declareren", kwargs={"nummer": cheque.nummer})
    assert vreemde.get(declareren).status_code == 404
    assert vreemde.post(declareren, formulier()).status_code == 404
    for naam in ("opleider-declaratie", "opleider-declaratie-intrekken"):
        url = reverse(f"cheques:{naam}", kwargs={"pk": indiening.pk})
        assert vreemde.post(url, {"tekst": "Hallo"}).status_code == 404
    for naam in ("opleider-declaratie-factuur", "opleider-declaratie-bewijs"):
        assert vreemde.get(reverse(f"cheques:{naam}",
                                   kwargs={"pk": indiening.pk})).status_code == 404
    assert vreemde.get(reverse("cheques:opleider-declaratie",
                               kwargs={"pk": indiening.pk})).status_code == 404
    inhoud = vreemde.get(reverse("cheques:opleider-declaraties")).content.decode()
    assert cheque.nummer not in inhoud
    indiening.refresh_from_db()
    assert indiening.status == ST.INGEDIEND and not indiening.berichten.exists()


@pytest.mark.parametrize("status", C.values)
def test_geen_500_in_elke_chequestatus(maak_cheques, medewerkers, status):
    cheque = maak_cheques(1, status=status)[0]
    client = log_in_als_opleider(maak_opleidergebruiker(cheque.opleider,
                                                        medewerkers["beheerder"]))
    url = reverse("cheques:opleider-declareren", kwargs={"nummer": cheque.nummer})
    assert client.get(url).status_code == 200
    for data in ({}, formulier(), {"bewijssoort": "diploma", "bewijs": upload()}):
        assert client.post(url, data).status_code in (302, 400)
    Cheque.objects.filter(pk=cheque.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    assert client.post(url, formulier()).status_code == 400


@pytest.mark.parametrize("status", ST.values)
def test_geen_500_in_elke_declaratiestatus(eigen, status):
    cheque, client, gebruiker = eigen
    indiening = od.dien_in(cheque=cheque, door=gebruiker, gegevens=gegevens(),
                           factuur=pdf(), bewijs=pdf())
    Declaratieindiening.objects.filter(pk=indiening.pk).update(status=status)
    url = reverse("cheques:opleider-declaratie", kwargs={"pk": indiening.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"tekst": "Vraag"}).status_code == 302
    intrekken = reverse("cheques:opleider-declaratie-intrekken", kwargs={"pk": indiening.pk})
    assert client.post(intrekken).status_code == 302
    for document in ("factuur", "bewijs"):
        assert client.get(reverse(f"cheques:opleider-declaratie-{document}",
                                  kwargs={"pk": indiening.pk})).status_code == 200
