"""Declaraties submitted by the opleider: the rules of submitting, accepting into the Awb
chain (Declaratie, Afronding, voorschot, vaststelling), returning with a reason, withdrawing
and the message thread."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cheques.declaratieregels import Gegevens
from cheques.models import Afronding, Cheque, Declaratie, Declaratieindiening
from cheques.services import opleiderdeclaraties as od
from tests.cheques.factories import OpleiderFactory
from tests.cheques.financien import betaal, declareer, ken_toe, pdf, stel_vast
from tests.cheques.opleiders import maak_opleidergebruiker
from tfvv.models import Gebeurtenis, Melding

pytestmark = pytest.mark.django_db
D = Decimal
C = Cheque.Status
I = Declaratieindiening.Status  # noqa: E741 - as the model spells it
S = Declaratieindiening.Bewijssoort


def gegevens(**velden) -> Gegevens:
    standaard = {"factuurnummer": "F-2026-001", "factuurdatum": timezone.localdate(),
                 "bedrag": D("1500.00"), "bewijssoort": S.START}
    return Gegevens(**{**standaard, **velden})


def dien_in(cheque, door, **velden):
    return od.dien_in(cheque=cheque, door=door, gegevens=gegevens(**velden),
                      factuur=pdf("factuur.pdf"), bewijs=pdf())


@pytest.fixture
def cheque(maak_cheques):
    return maak_cheques(1)[0]


@pytest.fixture
def opleider_gebruiker(cheque, medewerkers):
    return maak_opleidergebruiker(cheque.opleider, medewerkers["beheerder"])


def fouten(e) -> dict:
    return {veld: berichten[0] for veld, berichten in e.value.message_dict.items()}


def test_indienen_met_event_en_melding_voor_financien(cheque, opleider_gebruiker, medewerkers,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indiening = dien_in(cheque, opleider_gebruiker)
    assert indiening.status == I.INGEDIEND and indiening.opleider == cheque.opleider
    assert indiening.factuur.name.endswith(".pdf") and indiening.bewijs.name
    cheque.refresh_from_db()
    assert cheque.status == C.UITGEGEVEN  # nothing changes before finance accepts
    assert Gebeurtenis.objects.filter(actie="opleiderdeclaratie_ingediend").count() == 1
    assert set(Melding.objects.values_list("ontvanger__username", flat=True)) == {
        "financieel", "financieel2"}


def test_andere_opleider_mag_niet(cheque, medewerkers):
    vreemde = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    with pytest.raises(PermissionDenied):
        dien_in(cheque, vreemde)
    with pytest.raises(PermissionDenied):
        dien_in(cheque, medewerkers["financieel"])
    assert not Declaratieindiening.objects.exists()


def test_fouten_per_veld(cheque, opleider_gebruiker):
    with pytest.raises(ValidationError) as e:
        dien_in(cheque, opleider_gebruiker, factuurnummer=" ", bedrag=D("1500.01"),
                factuurdatum=timezone.localdate() + datetime.timedelta(days=1))
    f = fouten(e)
    assert f["bedrag"] == "Het bedrag is hoger dan de cheque (€ 1.500,00)."
    assert "toekomst" in f["factuurdatum"] and f["factuurnummer"] == "Vul het factuurnummer in."
    with pytest.raises(ValidationError) as e:
        dien_in(cheque, opleider_gebruiker, bewijssoort=S.AANWEZIGHEID, aanwezigheid_procent=101)
    assert "0 tot en met 100" in fouten(e)["aanwezigheid_procent"]
    with pytest.raises(ValidationError) as e:
        dien_in(cheque, opleider_gebruiker, bewijssoort=S.GESTOPT)
    assert set(fouten(e)) == {"gestopt_op", "reden_gestopt"}
    with pytest.raises(ValidationError) as e:
        dien_in(cheque, opleider_gebruiker, bewijssoort="onzin")
    assert "Kies het soort bewijs" in fouten(e)["bewijssoort"]
    with pytest.raises(ValidationError) as e:
        od.dien_in(cheque=cheque, door=opleider_gebruiker, gegevens=gegevens())
    assert set(fouten(e)) == {"factuur", "bewijs"}
    assert not Declaratieindiening.objects.exists()


def test_verlopen_cheque_en_verkeerde_status(maak_cheques, medewerkers):
    verlopen, ingetrokken = maak_cheques(2)
    Cheque.objects.filter(pk=verlopen.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    verlopen.refresh_from_db()
    Cheque.objects.filter(pk=ingetrokken.pk).update(status=C.INGETROKKEN)
    gebruiker = maak_opleidergebruiker(verlopen.opleider, medewerkers["beheerder"])
    with pytest.raises(ValidationError) as e:
        dien_in(verlopen, gebruiker)
    assert "is verlopen" in fouten(e)["__all__"]
    Cheque.objects.filter(pk=ingetrokken.pk).update(opleider=verlopen.opleider)
    ingetrokken.refresh_from_db()
    with pytest.raises(ValidationError) as e:
        dien_in(ingetrokken, gebruiker)
    assert "kan nu geen declaratie" in fouten(e)["__all__"]


def test_een_open_indiening_per_cheque_en_factuurnummer_eenmaal(maak_cheques, medewerkers):
    a, b = maak_cheques(2)
    Cheque.objects.filter(pk=b.pk).update(opleider=a.opleider)
    b.refresh_from_db()
    gebruiker = maak_opleidergebruiker(a.opleider, medewerkers["beheerder"])
    eerste = dien_in(a, gebruiker)
    with pytest.raises(ValidationError) as e:
        dien_in(a, gebruiker, factuurnummer="F-2")
    assert "al een declaratie ingediend" in fouten(e)["__all__"]
    with pytest.raises(ValidationError) as e:  # the number on another cheque, any case
        dien_in(b, gebruiker, factuurnummer="f-2026-001")
    assert fouten(e)["factuurnummer"] == "U heeft dit factuurnummer al eerder gedeclareerd."
    # the database holds both rules too
    with pytest.raises(IntegrityError), transaction.atomic():
        Declaratieindiening.objects.create(
            cheque=b, opleider=a.opleider, ingediend_door=gebruiker, bewijs="x.pdf",
            bewijssoort=S.START, factuurnummer="F-2026-001")
    # returned: the number is free again, and the cheque can be declared again
    od.stuur_terug(indiening=eerste, door=medewerkers["financieel"], reden="Factuur onleesbaar.")
    assert dien_in(a, gebruiker).status == I.INGEDIEND


def test_accepteren_start_dan_voorschot_dan_afronding_en_vaststelling(
        periode, maak_plan, medewerkers):
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    gebruiker = maak_opleidergebruiker(cheque.opleider, medewerkers["beheerder"])
    with pytest.raises(PermissionDenied):
        od.accepteer(indiening=dien_in(cheque, gebruiker, bedrag=D("1200.00")), door=gebruiker)
    indiening = od.accepteer(indiening=Declaratieindiening.objects.get(), door=fin)
    assert indiening.status == I.GEACCEPTEERD and indiening.beoordeeld_door == fin
    declaratie = indiening.declaratie
    assert (declaratie.factuurnummer, declaratie.bedrag, declaratie.geregistreerd_door) == (
        "F-2026-001", D("1200.00"), fin)
    assert declaratie.bewijs.name == indiening.bewijs.name
    with pytest.raises(ValidationError):  # judged once
        od.accepteer(indiening=indiening, door=fin)
    cheque.refresh_from_db()
    assert cheque.status == C.GEDECLAREERD and not Afronding.objects.exists()
    # four eyes: the one who accepted (registered the declaratie) does not approve the batch
    betaal(fin, fin2)
    cheque.refresh_from_db()
    assert cheque.status == C.VOORSCHOT_BETAALD

    # after the voorschot: no invoice, only the completion proof; no start proof again
    with pytest.raises(ValidationError) as e:
        dien_in(cheque, gebruiker, bewijssoort=S.DIPLOMA)
    assert "al als voorschot betaald" in fouten(e)["__all__"]
    with pytest.raises(ValidationError) as e:
        od.dien_in(cheque=cheque, door=gebruiker, bewijs=pdf(),
                   gegevens=Gegevens(bewijssoort=S.START))
    assert "bewijs van start" in fouten(e)["bewijssoort"]
    afronding = od.dien_in(cheque=cheque, door=gebruiker, bewijs=pdf("diploma.pdf"),
                           gegevens=Gegevens(bewijssoort=S.AANWEZIGHEID,
                                             aanwezigheid_procent=85))
    assert afronding.factuurnummer == "" and afronding.bedrag is None
    od.accepteer(indiening=afronding, door=fin2)
    afronding.refresh_from_db()
    assert afronding.declaratie is None and Declaratie.objects.count() == 1
    assert cheque.afronding.aanwezigheid_procent == 85 and cheque.afronding.voltooid
    with pytest.raises(ValidationError) as e:  # the completion is recorded: nothing more
        od.dien_in(cheque=cheque, door=gebruiker, bewijs=pdf(),
                   gegevens=Gegevens(bewijssoort=S.DIPLOMA))
    assert "kan nu geen declaratie" in fouten(e)["__all__"]
    stel_vast(cheque, fin, "1200.00")
    cheque.refresh_from_db()
    assert cheque.status == C.BETAALD


def test_accepteren_met_diploma_legt_declaratie_en_afronding_vast(cheque, opleider_gebruiker,
                                                                   medewerkers):
    indiening = dien_in(cheque, opleider_gebruiker, bewijssoort=S.GESTOPT,
                        gestopt_op=timezone.localdate(), reden_gestopt=" Verhuisd ")
    od.accepteer(indiening=indiening, door=medewerkers["financieel"])
    cheque.refresh_from_db()
    assert cheque.status == C.GEDECLAREERD
    assert (cheque.afronding.soort, cheque.afronding.reden_gestopt) == (S.GESTOPT, "Verhuisd")
    assert Gebeurtenis.objects.filter(actie="opleiderdeclaratie_geaccepteerd").exists()


def test_accepteren_is_alles_of_niets(cheque, opleider_gebruiker, medewerkers):
    indiening = dien_in(cheque, opleider_gebruiker, bewijssoort=S.DIPLOMA)
    # finance registered a declaratie by hand meanwhile: the cheque is no longer unused
    declareer(cheque, medewerkers["financieel2"])
    with pytest.raises(Exception):  # noqa: B017 - the refused transition, whatever its type
        od.accepteer(indiening=indiening, door=medewerkers["financieel"])
    indiening.refresh_from_db()
    assert indiening.status == I.INGEDIEND and indiening.declaratie is None
    assert Declaratie.objects.count() == 1 and not Afronding.objects.exists()


def test_terugsturen_met_reden_en_mail(cheque, opleider_gebruiker, medewerkers,
                                       django_capture_on_commit_callbacks):
    indiening = dien_in(cheque, opleider_gebruiker)
    with pytest.raises(ValidationError) as e:
        od.stuur_terug(indiening=indiening, door=medewerkers["financieel"], reden="  ")
    assert "reden" in fouten(e)
    with pytest.raises(PermissionDenied):
        od.stuur_terug(indiening=indiening, door=opleider_gebruiker, reden="Zelf")
    with django_capture_on_commit_callbacks(execute=True):
        od.stuur_terug(indiening=indiening, door=medewerkers["financieel"],
                       reden="Het bedrag op de factuur wijkt af.")
    indiening.refresh_from_db()
    assert indiening.status == I.TERUGGESTUURD
    assert indiening.reden_terugsturen == "Het bedrag op de factuur wijkt af."
    bericht = mail.outbox[-1]
    assert bericht.to == [opleider_gebruiker.email]
    assert "Het bedrag op de factuur wijkt af." in bericht.body and cheque.nummer in bericht.body
    with pytest.raises(ValidationError):
        od.accepteer(indiening=indiening, door=medewerkers["financieel"])


def test_intrekken_door_de_opleider(cheque, opleider_gebruiker, medewerkers):
    indiening = dien_in(cheque, opleider_gebruiker)
    vreemde = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    with pytest.raises(PermissionDenied):
        od.trek_in(indiening=indiening, door=vreemde)
    assert od.trek_in(indiening=indiening, door=opleider_gebruiker).status == I.INGETROKKEN
    with pytest.raises(ValidationError):
        od.trek_in(indiening=indiening, door=opleider_gebruiker)


def test_berichten_beide_kanten(cheque, opleider_gebruiker, medewerkers,
                                django_capture_on_commit_callbacks):
    indiening = dien_in(cheque, opleider_gebruiker)
    with django_capture_on_commit_callbacks(execute=True):
        vraag = od.stuur_bericht(indiening=indiening, door=opleider_gebruiker,
                                 tekst="Is de factuur ontvangen?")
    assert vraag.van_opleider
    assert Melding.objects.filter(soort="opleiderdeclaratie_bericht").count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = od.stuur_bericht(indiening=indiening, door=medewerkers["financieel"],
                                    tekst="Ja, wij beoordelen hem deze week.")
    assert not antwoord.van_opleider
    assert mail.outbox[-1].to == [opleider_gebruiker.email]
    assert "deze week" in mail.outbox[-1].body
    assert list(indiening.berichten.values_list("tekst", flat=True)) == [
        "Is de factuur ontvangen?", "Ja, wij beoordelen hem deze week."]
    with pytest.raises(ValidationError):
        od.stuur_bericht(indiening=indiening, door=opleider_gebruiker, tekst=" ")
    with pytest.raises(ValidationError):
        od.stuur_bericht(indiening=indiening, door=opleider_gebruiker, tekst="x" * 4001)
    for buitenstaander in (maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"]),
                           medewerkers["beoordelaar"]):
        with pytest.raises(PermissionDenied):
            od.stuur_bericht(indiening=indiening, door=buitenstaander, tekst="Hallo")


def test_op_tijd_ingediend_vervalt_niet_en_wordt_na_de_vervaldatum_geaccepteerd(
        cheque, opleider_gebruiker, medewerkers):
    """Submitted before the expiry, judged after it: the cheque was used in time."""
    from cheques.services import laat_verlopen_cheques_vervallen

    indiening = dien_in(cheque, opleider_gebruiker, factuurdatum=cheque.uitgegeven_op)
    vandaag = timezone.localdate()
    Cheque.objects.filter(pk=cheque.pk).update(geldig_tot=vandaag - datetime.timedelta(days=1))
    Declaratieindiening.objects.filter(pk=indiening.pk).update(
        ingediend_op=timezone.now() - datetime.timedelta(days=3))
    assert laat_verlopen_cheques_vervallen(vandaag=vandaag) == 0
    indiening.refresh_from_db()
    od.accepteer(indiening=indiening, door=medewerkers["financieel"])
    cheque.refresh_from_db()
    assert cheque.status == C.GEDECLAREERD
