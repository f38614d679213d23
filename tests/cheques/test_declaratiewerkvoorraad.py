"""Finance's queue of the declaraties submitted by opleiders: the worklist (open first, the
oldest first, filters, sorting, paging, constant queries), one indiening (documents logged
as inzage, the message thread), accepting (the next step: vaststellen or the voorschot in
the next batch), returning (a reason at the field), step-up, four-eyes in the batch, and
the refusal of every other role."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Afronding, Cheque, Declaratie, Declaratieindiening
from cheques.services import betaalbatch
from cheques.services import opleiderdeclaraties as od
from tests.cheques.financien import pdf
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.cheques.test_opleiderdeclaraties import gegevens
from tests.cheques.test_stap_op import verouder_code
from tests.conftest import huidige_code
from tfvv.models import Inzage, Melding

pytestmark = pytest.mark.django_db
C = Cheque.Status
ST = Declaratieindiening.Status
S = Declaratieindiening.Bewijssoort
LIJST = reverse("cheques:financien-declaraties")


def url(naam, indiening):
    return reverse(f"cheques:financien-declaratie{naam}", kwargs={"pk": indiening.pk})


@pytest.fixture
def dien_in(maak_cheques, medewerkers, django_capture_on_commit_callbacks):
    """dien_in(**gegevens) -> an indiening by the opleider of a new cheque."""

    def maak(cheque=None, **velden):
        cheque = cheque or maak_cheques(1)[0]
        door = maak_opleidergebruiker(cheque.opleider, medewerkers["beheerder"])
        with django_capture_on_commit_callbacks(execute=True):
            return od.dien_in(cheque=cheque, door=door, gegevens=gegevens(**velden),
                              factuur=pdf("factuur.pdf"), bewijs=pdf("bewijs.pdf"))

    return maak


def ingediend_voor(indiening, dagen):
    Declaratieindiening.objects.filter(pk=indiening.pk).update(
        ingediend_op=timezone.now() - datetime.timedelta(days=dagen))


# --- the worklist -----------------------------------------------------------------------

def test_open_eerst_de_oudste_eerst_met_dagen_wachtend(dien_in, client_als, medewerkers):
    nieuw = dien_in(factuurnummer="F-NIEUW")
    oud = dien_in(factuurnummer="F-OUD")
    ingediend_voor(oud, 9)
    terug = dien_in(factuurnummer="F-TERUG")
    ingediend_voor(terug, 30)
    od.stuur_terug(indiening=terug, door=medewerkers["financieel"], reden="Onleesbaar.")
    r = client_als("financieel").get(LIJST)
    assert r.status_code == 200
    rijen = list(r.context["pagina"])
    assert [i.pk for i in rijen] == [oud.pk, nieuw.pk, terug.pk]
    assert [i.dagen_wachtend for i in rijen] == [9, 0, None]
    inhoud = r.content.decode()
    for tekst in ("F-OUD", oud.cheque.nummer, oud.opleider.naam, "€ 1.500,00",
                  "Bewijs van start", "2 declaraties wachten op beoordeling.",
                  oud.cheque.beschikking.plan.aanvraag.achternaam):
        assert tekst in inhoud
    # the count in finance's navigation
    assert "Declaraties van opleiders (2 open)" in \
        client_als("financieel").get(reverse("cheques:financien")).content.decode()


def test_filters_en_sorteren(dien_in, client_als, medewerkers):
    a, b = dien_in(bedrag=Decimal("900.00")), dien_in(bedrag=Decimal("1200.00"))
    od.accepteer(indiening=b, door=medewerkers["financieel"])
    c = client_als("financieel")
    assert [i.pk for i in c.get(LIJST, {"status": "geaccepteerd"}).context["pagina"]] == [b.pk]
    assert [i.pk for i in c.get(LIJST, {"opleider": a.opleider_id}).context["pagina"]] == [a.pk]
    d = dien_in(bedrag=Decimal("100.00"))
    assert [i.pk for i in c.get(LIJST, {"sorteer": "bedrag"}).context["pagina"]] == \
        [d.pk, a.pk, b.pk]  # the open ones first, each part by amount
    assert [i.pk for i in c.get(LIJST, {"sorteer": "-bedrag"}).context["pagina"]] == \
        [a.pk, d.pk, b.pk]


@pytest.mark.parametrize("invoer", [{"status": "onzin"}, {"opleider": "abc"},
                                    {"opleider": "9" * 30}, {"sorteer": "wachtwoord"},
                                    {"sorteer": "cheque__beschikking__plan__aanvraag__bsn"},
                                    {"pagina": "-1"}, {"pagina": "999"},
                                    {"status": "<script>"}])
def test_vreemde_invoer_geeft_een_pagina(dien_in, client_als, invoer):
    dien_in()
    r = client_als("financieel").get(LIJST, invoer)
    assert r.status_code == 200 and "<script>" not in r.content.decode()


def test_queries_gelijk_bij_10_en_200(maak_cheques, medewerkers, client_als):
    c = client_als("financieel")

    def maak(n):
        for cheque in maak_cheques(n):
            Declaratieindiening.objects.create(
                cheque=cheque, opleider=cheque.opleider, ingediend_door=medewerkers["beheerder"],
                factuurnummer=f"F-{cheque.nummer}", factuurdatum=timezone.localdate(),
                bedrag=Decimal("100.00"), factuur="f.pdf", bewijs="b.pdf", bewijssoort=S.START)

    maak(10)
    with CaptureQueriesContext(connection) as klein:
        assert c.get(LIJST).status_code == 200
    maak(190)
    with CaptureQueriesContext(connection) as groot:
        r = c.get(LIJST, {"pagina": 2})
    assert len(r.context["pagina"].object_list) == 50
    assert r.context["pagina"].paginator.count == 200
    assert len(groot) == len(klein)


# --- one indiening ------------------------------------------------------------------------

def test_pagina_documenten_en_inzage(dien_in, client_als, medewerkers):
    indiening = dien_in()
    c = client_als("financieel")
    inhoud = c.get(url("", indiening)).content.decode()
    for tekst in ("Factuur downloaden (PDF)", "Bewijs downloaden (PDF)", "Accepteren",
                  "Terugsturen", indiening.cheque.get_status_display(), "nog geen"):
        assert tekst in inhoud
    for document in ("factuur", "bewijs"):
        r = c.get(url(f"-{document}", indiening))
        assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
        assert b"".join(r.streaming_content).startswith(b"%PDF")
    aanvraag = indiening.cheque.beschikking.plan.aanvraag
    logs = Inzage.objects.filter(gebruiker=medewerkers["financieel"], dossier_id=aanvraag.pk,
                                 betrokkene_id=aanvraag.aanvrager_id)
    assert sorted(logs.values_list("handeling", "onderdeel")) == [
        ("bekeken", "declaratie van een opleider"),
        ("gedownload", "declaratie van een opleider: bewijs"),
        ("gedownload", "declaratie van een opleider: factuur")]


def test_na_voorschot_geen_factuur(dien_in, client_als, maak_cheques):
    cheque = maak_cheques(1, C.VOORSCHOT_BETAALD)[0]
    indiening = dien_in(cheque, bewijssoort=S.DIPLOMA, factuurnummer="", factuurdatum=None,
                        bedrag=None)
    c = client_als("financieel")
    assert "de factuur is al als voorschot betaald" in c.get(url("", indiening)).content.decode()
    r = c.get(url("-factuur", indiening))
    assert r.status_code == 404


def test_berichten_heen_en_weer(dien_in, client_als, django_capture_on_commit_callbacks):
    indiening = dien_in()
    c = client_als("financieel")
    r = c.post(url("", indiening), {"tekst": "  "})
    assert r.status_code == 400 and "Dit veld is verplicht." in r.content.decode()
    r = c.post(url("", indiening), {"tekst": "x" * 4001})
    assert r.status_code == 400 and 'x' * 4001 in r.content.decode()  # input kept
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(url("", indiening), {"tekst": "Klopt het bedrag?"})
    assert r.status_code == 302
    assert [m.to for m in mail.outbox] == [[indiening.ingediend_door.email]]
    opleider = log_in_als_opleider(indiening.ingediend_door)
    portaal = reverse("cheques:opleider-declaratie", kwargs={"pk": indiening.pk})
    assert "Klopt het bedrag?" in opleider.get(portaal).content.decode()
    opleider.post(portaal, {"tekst": "Ja, dat klopt."})
    inhoud = c.get(url("", indiening)).content.decode()
    assert "Klopt het bedrag?" in inhoud and "Ja, dat klopt." in inhoud
    # the melding of the opleider's message leads to this page
    assert Melding.objects.filter(link=url("", indiening)).exists()


# --- accepting and returning -------------------------------------------------------------

def test_accepteren_start_voorschot_in_de_volgende_batch(dien_in, client_als, medewerkers):
    indiening = dien_in(bedrag=Decimal("1234.50"))
    r = client_als("financieel").post(url("-accepteren", indiening), follow=True)
    inhoud = r.content.decode()
    assert "De declaratie is geaccepteerd." in inhoud
    assert "Het voorschot gaat mee in de volgende betaalbatch" in inhoud
    indiening.refresh_from_db()
    assert indiening.status == ST.GEACCEPTEERD
    assert indiening.declaratie.geregistreerd_door == medewerkers["financieel"]
    assert indiening.cheque.status == C.GEDECLAREERD
    [voorstel] = betaalbatch.te_betalen()
    assert (voorstel.cheque, voorstel.soort, voorstel.bedrag) == (
        indiening.cheque, "voorschot", Decimal("1234.50"))


def test_accepteren_afronding_dan_vaststellen(dien_in, client_als):
    indiening = dien_in(bewijssoort=S.DIPLOMA)
    c = client_als("financieel")
    inhoud = c.post(url("-accepteren", indiening), follow=True).content.decode()
    vaststellen = reverse("cheques:cheque", kwargs={"nummer": indiening.cheque.nummer})
    assert f'href="{vaststellen}#vaststellen-kop"' in inhoud
    assert Afronding.objects.get(cheque=indiening.cheque).soort == "diploma"
    assert not betaalbatch.te_betalen()  # vaststellen first
    assert 'id="vaststellen-kop"' in c.get(vaststellen).content.decode()
    # twice: refused with a Dutch message, nothing registered again
    r = c.post(url("-accepteren", indiening))
    assert r.status_code == 400 and "Deze declaratie is al geaccepteerd." in r.content.decode()
    assert Declaratie.objects.count() == 1


def test_accepteren_op_ingetrokken_cheque_geweigerd(dien_in, client_als, medewerkers):
    indiening = dien_in()
    services.intrekken(cheque=indiening.cheque, door=medewerkers["beoordelaar"],
                       grond="niet_verricht", motivering="Niet gestart.")
    r = client_als("financieel").post(url("-accepteren", indiening))
    assert r.status_code == 400 and "alert-danger" in r.content.decode()
    indiening.refresh_from_db()
    assert indiening.status == ST.INGEDIEND and not Declaratie.objects.exists()


def test_terugsturen_reden_verplicht_bij_het_veld(dien_in, client_als,
                                                  django_capture_on_commit_callbacks):
    indiening = dien_in()
    c = client_als("financieel")
    r = c.post(url("-terugsturen", indiening), {"reden": "   "})
    inhoud = r.content.decode()
    assert r.status_code == 400 and 'id="foutoverzicht"' in inhoud
    assert "Schrijf op waarom u de declaratie terugstuurt" in inhoud
    indiening.refresh_from_db()
    assert indiening.status == ST.INGEDIEND
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(url("-terugsturen", indiening), {"reden": "De factuurdatum klopt niet."})
    assert r.status_code == 302
    indiening.refresh_from_db()
    assert indiening.status == ST.TERUGGESTUURD
    assert "De factuurdatum klopt niet." in mail.outbox[0].body
    # again: refused with a Dutch message (the form is gone: nothing to judge any more)
    r = c.post(url("-terugsturen", indiening), {"reden": "Nog een reden."})
    assert r.status_code == 400 and "Deze declaratie is al teruggestuurd." in \
        r.content.decode()


def test_zonder_verse_code_eerst_bevestigen(dien_in, client_als):
    indiening = dien_in()
    c = client_als("financieel")
    verouder_code(c)
    for naam, data in (("-accepteren", {}), ("-terugsturen", {"reden": "Onleesbaar."})):
        r = c.post(url(naam, indiening), data)
        assert r.status_code == 302 and r["Location"].startswith(reverse("tfvv:bevestigen"))
    indiening.refresh_from_db()
    assert indiening.status == ST.INGEDIEND
    assert c.get(url("", indiening)).status_code == 200  # reading needs no fresh code


def test_wie_accepteerde_keurt_de_betaling_niet_goed(dien_in, client_als, medewerkers):
    """The Declaratie made by accepting is registered by the accepting financieel
    medewerker: the batch's four-eyes rule keeps them from approving its payment."""
    indiening = dien_in()
    client_als("financieel2").post(url("-accepteren", indiening))
    batch = services.stel_betaalbatch_op(door=medewerkers["financieel"],
                                         betaaldatum=timezone.localdate())
    tweede = medewerkers["financieel2"]
    with pytest.raises(Exception) as fout:
        services.keur_betaalbatch_goed(batch=batch, door=tweede,
                                       code=huidige_code(tweede.totp_device))
    assert "U heeft een declaratie in deze batch geregistreerd" in str(fout.value)
    indiening.cheque.refresh_from_db()
    assert indiening.cheque.status == C.GEDECLAREERD and not indiening.cheque.betalingen.exists()


# --- the cheque page and the refused roles ------------------------------------------------

def test_chequepagina_toont_de_indieningen(dien_in, client_als, medewerkers):
    indiening = dien_in()
    pagina = reverse("cheques:cheque", kwargs={"nummer": indiening.cheque.nummer})
    inhoud = client_als("financieel").get(pagina).content.decode()
    assert "Declaraties van de opleider (portaal)" in inhoud
    assert "ingediend, wacht op beoordeling" in inhoud
    assert url("", indiening) in inhoud
    # the beoordelaar sees the list, not the link to finance's page
    assert url("", indiening) not in client_als("beoordelaar").get(pagina).content.decode()


@pytest.mark.parametrize("rol", ["consulent_lwl", "consulent_manager", "beoordelaar",
                                 "adviesgroep", "beheerder", "opleider"])
def test_andere_rollen_geweigerd(rol, dien_in, client_als):
    indiening = dien_in()
    c = (log_in_als_opleider(indiening.ingediend_door) if rol == "opleider"
         else client_als(rol))  # the opleider of this very declaratie
    for adres in (LIJST, url("", indiening), url("-factuur", indiening),
                  url("-bewijs", indiening)):
        r = c.get(adres)
        assert r.status_code == 403 and "geen toegang" in r.content.decode(), adres
    for naam, data in (("", {"tekst": "Hallo"}), ("-accepteren", {}),
                       ("-terugsturen", {"reden": "Weg."})):
        assert c.post(url(naam, indiening), data).status_code == 403
    indiening.refresh_from_db()
    assert indiening.status == ST.INGEDIEND and not indiening.berichten.exists()
