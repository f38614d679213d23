"""Every transition, allowed or refused, per state (through the pages, as the user does it)."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Aanvulverzoek, Afronding, Cheque
from cheques.workflow import CHEQUE_TRANSITIES
from tests.cheques.factories import toets_met
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast

pytestmark = pytest.mark.django_db
D = Decimal
VANDAAG = timezone.localdate
C = Cheque.Status


def cheque_in(status, plan, m):
    b, fin = m["beoordelaar"], m["financieel"]
    cheque = ken_toe(plan, b)
    if status == C.VERVALLEN:
        services.laat_vervallen(cheque=cheque, vandaag=cheque.geldig_tot + datetime.timedelta(1))
    if status == C.INGETROKKEN:
        services.intrekken(cheque=cheque, door=b, grond="niet_verricht", motivering="Niet gestart")
    if status in (C.GEDECLAREERD, C.VOORSCHOT_BETAALD, C.VASTGESTELD, C.BETAALD):
        declareer(cheque, fin)
    if status == C.VOORSCHOT_BETAALD:
        betaal(fin, m["financieel2"])
    if status in (C.VASTGESTELD, C.BETAALD):
        rond_af(cheque, fin)
        stel_vast(cheque, fin)
    if status == C.BETAALD:
        betaal(fin, m["financieel2"])
    cheque.refresh_from_db()
    assert cheque.status == status
    return cheque


CHEQUE_ACTIES = {
    # url name: (role, transition, data)
    "cheques:declaratie": ("financieel", "declareren", lambda: {
        "factuurnummer": "F-2", "factuurdatum": VANDAAG().isoformat(), "bedrag": "1500.00",
        "bewijs": SimpleUploadedFile("bewijs.pdf", b"%PDF-1.4 bewijs")}),
    "cheques:afronding": ("financieel", "vaststellen", lambda: {
        "soort": "diploma", "bewijs": SimpleUploadedFile("diploma.pdf", b"%PDF-1.4 diploma")}),
    "cheques:intrekken": ("beoordelaar", "intrekken", lambda: {
        "grond": "onjuiste_gegevens", "motivering": "Fraude"}),
}
TOEGESTAAN = {t.naam: t.van for t in CHEQUE_TRANSITIES}


@pytest.mark.parametrize("status", list(C))
@pytest.mark.parametrize("actie", list(CHEQUE_ACTIES))
def test_chequeovergangen_per_status(actie, status, periode, maak_plan, medewerkers,
                                     client_als):
    cheque = cheque_in(status, maak_plan(), medewerkers)
    rol, transitie, data = CHEQUE_ACTIES[actie]
    r = client_als(rol).post(reverse(actie, kwargs={"nummer": cheque.nummer}), data())
    cheque.refresh_from_db()
    if status in TOEGESTAAN[transitie]:
        assert r.status_code == 302
        if actie == "cheques:afronding":  # data for the vaststelling; no status change
            assert Afronding.objects.filter(cheque=cheque).exists()
        else:
            assert cheque.status != status
    else:
        assert r.status_code == 400
        assert "Dit kan niet bij een cheque met status" in r.content.decode()
        assert cheque.status == status


def plan_in(toestand, maak_plan, m):
    if toestand == "concept":
        plan = maak_plan(toets_snapshot=toets_met(R4="handmatig"))
        services.toekennen(plan=plan, door=m["beoordelaar"], bedrag=D("1000"),
                           motivering="Voldoet.")
        return plan
    # R1 left to the beoordelaar: a refusal may cite it (with a written reason)
    plan = maak_plan(toets_snapshot=toets_met(R1="handmatig"))
    if toestand.startswith("aanvulling"):
        verzoek = services.vraag_aanvulling(plan=plan, door=m["beoordelaar"], omschrijving="x",
                                            hersteltermijn_tot=VANDAAG() + datetime.timedelta(9))
        if toestand == "aanvulling_verstreken":
            Aanvulverzoek.objects.filter(pk=verzoek.pk).update(
                hersteltermijn_tot=VANDAAG() - datetime.timedelta(1))
    if toestand == "besloten":
        services.afwijzen(plan=plan, door=m["beoordelaar"], motivering="Nee", regels=["R1"],
                          redenen={"R1": "Het adres ligt buiten Twente."})
    return plan


PLAN_ACTIES = {
    "cheques:aanvulling-vragen": ("beoordelaar", lambda: {
        "omschrijving": "Offerte", "hersteltermijn_tot": (VANDAAG() + datetime.timedelta(14))
        .isoformat()}),
    "cheques:terugsturen": ("beoordelaar", lambda: {"reden": "Offerte ontbreekt"}),
    "cheques:toekennen": ("beoordelaar", lambda: {"bedrag": "1000.00", "motivering": "Ja"}),
    "cheques:afwijzen": ("beoordelaar", lambda: {"motivering": "Nee", "regels": ["R1"],
                                                       "reden_R1": "Adres buiten Twente."}),
    "cheques:buiten-behandeling": ("beoordelaar", lambda: {}),
    "cheques:medeondertekenen": ("beoordelaar2", lambda: {}),
    "cheques:niet-medeondertekenen": ("beoordelaar2", lambda: {"reden": "Onvoldoende"}),
}
PLAN_TOEGESTAAN = {
    "ingediend": {"cheques:aanvulling-vragen", "cheques:terugsturen", "cheques:toekennen",
                  "cheques:afwijzen"},
    "aanvulling": {"cheques:afwijzen"},
    "aanvulling_verstreken": {"cheques:afwijzen", "cheques:buiten-behandeling"},
    "concept": {"cheques:medeondertekenen", "cheques:niet-medeondertekenen"},
    "besloten": set(),
}


@pytest.mark.parametrize("toestand", list(PLAN_TOEGESTAAN))
@pytest.mark.parametrize("actie", list(PLAN_ACTIES))
def test_besluiten_per_toestand(actie, toestand, periode, maak_plan, medewerkers, client_als):
    plan = plan_in(toestand, maak_plan, medewerkers)
    rol, data = PLAN_ACTIES[actie]
    r = client_als(rol).post(reverse(actie, kwargs={"plan_id": plan.pk}), data())
    if actie in PLAN_TOEGESTAAN[toestand]:
        assert r.status_code == 302, r.content.decode()[-2000:]
    elif actie == "cheques:medeondertekenen":
        assert r.status_code == 404
    else:
        assert r.status_code == 400
        assert "alert-danger" in r.content.decode()
