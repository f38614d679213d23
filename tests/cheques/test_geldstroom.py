"""Voorschot and vaststelling as two steps (Awb 4:52 / 4:42 / 4:47), with the ledger, the
completion proof as data, the ambtshalve worklist and the dates that make sense."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques import services
from cheques.models import Afronding, Betaling, Cheque, Vervolgbesluit
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tfvv import budget_selectors
from tfvv.models import Budgetboeking, Gebeurtenis

pytestmark = pytest.mark.django_db
D = Decimal
C = Cheque.Status
VANDAAG = timezone.localdate


def stand(periode):
    return budget_selectors.standen([periode])[0]


def boekingen(cheque):
    return list(Budgetboeking.objects.filter(referentie=cheque.nummer)
                .values_list("soort", "bedrag"))


def test_voorschot_dan_vaststelling_lager_geeft_vrij(periode, maak_plan, medewerkers):
    b, fin, fin2 = medewerkers["beoordelaar"], medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1200.00")
    betaal(fin, fin2)
    cheque.refresh_from_db()
    assert cheque.status == C.VOORSCHOT_BETAALD
    assert cheque.betalingen.get().soort == Betaling.Soort.VOORSCHOT
    s = stand(periode)
    assert (s.gereserveerd, s.gerealiseerd) == (D("300"), D("1200"))
    # the aanvraag is not "afgerond" on a voorschot
    assert cheque.beschikking.plan.aanvraag.status == Aanvraag.Status.TOEGEKEND
    with pytest.raises(ValidationError) as e:  # no completion proof and before the end date
        stel_vast(cheque, fin, "1200.00")
    assert "bewijs van afronding" in str(e.value)
    rond_af(cheque, fin, Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=85)
    with pytest.raises(ValidationError) as e:
        stel_vast(cheque, fin, "1300.00")
    assert "niet hoger zijn dan € 1.200,00" in str(e.value)
    with pytest.raises(ValidationError):
        stel_vast(cheque, fin, "1200.00", motivering=" ")
    besluit = stel_vast(cheque, fin, "1200.00", motivering="85 % aanwezig; volledig geleverd.")
    assert besluit.soort == Vervolgbesluit.Soort.VASTSTELLING and besluit.bedrag == D("1200")
    cheque.refresh_from_db()
    # the voorschot covered the vastgesteld amount: nothing more to pay, the rest released
    assert cheque.status == C.BETAALD and cheque.vastgesteld_op == VANDAAG()
    assert boekingen(cheque) == [("reservering", D("1500.00")), ("vrijval", D("1200.00")),
                                 ("voorschot", D("1200.00")), ("vrijval", D("300.00"))]
    s = stand(periode)
    assert (s.gereserveerd, s.gerealiseerd) == (D("0"), D("1200"))
    cheque.beschikking.plan.aanvraag.refresh_from_db()
    assert cheque.beschikking.plan.aanvraag.status == Aanvraag.Status.AFGEROND


def test_vaststelling_onder_voorschot_start_terugvordering(periode, maak_plan, medewerkers):
    b, fin, fin2 = medewerkers["beoordelaar"], medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1500.00")
    betaal(fin, fin2)
    rond_af(cheque, fin, Afronding.Soort.GESTOPT, gestopt_op=VANDAAG(),
            reden_gestopt="Werk gevonden buiten de sector.")
    stel_vast(cheque, fin, "600.00", motivering="Gestopt na de helft van de lessen.")
    cheque.refresh_from_db()
    terugvordering = cheque.terugvorderingen.get()
    assert terugvordering.bedrag == D("900.00")
    assert Vervolgbesluit.objects.filter(cheque=cheque, soort="terugvordering").exists()
    s = stand(periode)
    assert (s.gereserveerd, s.gerealiseerd, s.terug_te_vorderen) == (0, D("1500"), D("900"))
    # stopped: the resident never reads that the training was completed
    cheque.beschikking.plan.aanvraag.refresh_from_db()
    assert cheque.beschikking.plan.aanvraag.status == Aanvraag.Status.TOEGEKEND
    assert not Gebeurtenis.objects.filter(
        dossier_id=cheque.beschikking.plan.aanvraag_id,
        tekst_inwoner__icontains="afgerond").exists()


def test_vaststelling_zonder_voorschot_dan_betaling(periode, maak_plan, medewerkers):
    b, fin, fin2 = medewerkers["beoordelaar"], medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin)
    rond_af(cheque, fin)  # invoice at completion: no voorschot
    stel_vast(cheque, fin, "1400.00", motivering="Diploma; examengeld niet besteed.")
    cheque.refresh_from_db()
    assert cheque.status == C.VASTGESTELD
    batch = betaal(fin, fin2)
    assert batch.regels.get().soort == Betaling.Soort.EINDBETALING
    cheque.refresh_from_db()
    assert cheque.status == C.BETAALD
    assert boekingen(cheque)[-2:] == [("vrijval", D("1400.00")), ("realisatie", D("1400.00"))]
    cheque.beschikking.plan.aanvraag.refresh_from_db()
    assert cheque.beschikking.plan.aanvraag.status == Aanvraag.Status.AFGEROND


def test_afronding_als_gegevens(periode, maak_plan, medewerkers):
    fin = medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    with pytest.raises(ValidationError):  # not declared yet
        rond_af(cheque, fin)
    declareer(cheque, fin)
    with pytest.raises(ValidationError) as e:
        rond_af(cheque, fin, Afronding.Soort.AANWEZIGHEID)
    assert "aanwezigheid_procent" in e.value.error_dict
    with pytest.raises(ValidationError) as e:
        rond_af(cheque, fin, Afronding.Soort.GESTOPT)
    assert {"gestopt_op", "reden_gestopt"} <= set(e.value.error_dict)
    afronding = rond_af(cheque, fin, Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=79)
    assert not afronding.voltooid
    assert Afronding(soort=Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=80).voltooid
    assert Afronding(soort=Afronding.Soort.CERTIFICAAT).voltooid
    with pytest.raises(ValidationError):  # once
        rond_af(cheque, fin)


def test_ambtshalve_werkvoorraad_na_einddatum(periode, maak_plan, medewerkers):
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    declareer(cheque, fin)
    betaal(fin, fin2)
    na = cheque.geldig_tot + datetime.timedelta(days=1)
    assert services.markeer_vast_te_stellen(vandaag=cheque.geldig_tot) == 0
    assert services.markeer_vast_te_stellen(vandaag=na) == 1
    assert services.markeer_vast_te_stellen(vandaag=na) == 0  # idempotent
    cheque.refresh_from_db()
    assert cheque.vast_te_stellen_sinds == na
    assert Gebeurtenis.objects.filter(actie="vast_te_stellen").count() == 1
    from cheques.selectors import vast_te_stellen
    assert list(vast_te_stellen()) == [cheque]


def test_declaratie_datums_en_verlopen_cheque(periode, maak_plan, medewerkers):
    fin = medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    with pytest.raises(ValidationError) as e:
        declareer(cheque, fin, factuurdatum=VANDAAG() + datetime.timedelta(days=1))
    assert "toekomst" in str(e.value)
    with pytest.raises(ValidationError) as e:
        declareer(cheque, fin, factuurdatum=datetime.date(1999, 12, 1))
    assert "voor de datum waarop de cheque is uitgegeven" in str(e.value)
    Cheque.objects.filter(pk=cheque.pk).update(geldig_tot=VANDAAG() - datetime.timedelta(1))
    with pytest.raises(ValidationError) as e:
        declareer(cheque, fin)
    assert "is verlopen; er kan geen declaratie meer op worden geregistreerd" in str(e.value)


def test_betaaldatum_niet_in_toekomst_en_niet_voor_declaratie(periode, maak_plan, medewerkers):
    fin = medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    declareer(cheque, fin)
    with pytest.raises(ValidationError) as e:
        services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG() + datetime.timedelta(1))
    assert "toekomst" in str(e.value)
    with pytest.raises(ValidationError) as e:
        services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG() - datetime.timedelta(1))
    assert cheque.nummer in str(e.value)
    assert services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG()).regels.count() == 1


def test_afronding_bewijs_via_pagina(periode, maak_plan, medewerkers, client_als):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    fin = medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    declareer(cheque, fin)
    url = reverse("cheques:afronding", kwargs={"nummer": cheque.nummer})
    r = client_als("financieel").post(url, {"soort": "aanwezigheid", "bewijs": SimpleUploadedFile(
        "p.pdf", b"%PDF-1.4 x")})
    assert r.status_code == 400
    assert "Vul het aanwezigheidspercentage in" in r.content.decode()
    r = client_als("financieel").post(url, {"soort": "aanwezigheid", "aanwezigheid_procent": "92",
                                            "bewijs": SimpleUploadedFile("p.pdf", b"%PDF-1.4")})
    assert r.status_code == 302
    assert cheque.afronding.aanwezigheid_procent == 92

