"""The resident's data export (AVG art. 15) holds what every stage keeps about them —
gesprekken, plan, decisions, cheque, money, follow-up answers — without secrets or someone
else's personal data, in a number of queries that does not grow with the dossier."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from loopbaangesprekken.models import Cofinancieringsregel
from rapportage.models import Vervolgmeting
from tests.aanvragen.conftest import log_in_als_inwoner
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import declareer, ken_toe
from tests.loopbaangesprekken.factories import GesprekFactory

pytestmark = pytest.mark.django_db

CONTACT = "contact@werkgever.example"


def _dossier(medewerkers, aanvrager=None, bedrag="1500.00"):
    extra = {"aanvraag__aanvrager": aanvrager} if aanvrager else {}
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], **extra)
    Cofinancieringsregel.objects.create(
        plan=plan, bron=Cofinancieringsregel.Bron.WERKGEVER, partij="Bouwbedrijf Twente",
        bedrag=Decimal("1500.00"), status=Cofinancieringsregel.Status.TOEGEZEGD,
        contact_email=CONTACT, toezegging_naam="Jan Contactpersoon")
    GesprekFactory(aanvraag=plan.aanvraag, consulent=medewerkers["consulent_lwl"],
                   verslag="Wil de techniek in.")
    cheque = ken_toe(plan, medewerkers["beoordelaar"], bedrag=bedrag)
    declareer(cheque, medewerkers["financieel"], bedrag=bedrag)
    Vervolgmeting.objects.create(cheque=cheque, moment=Vervolgmeting.Moment.EINDE,
                                 gepland_op=timezone.localdate())
    return plan.aanvraag, cheque


def _export(aanvrager):
    return json.loads(log_in_als_inwoner(aanvrager).get(reverse("aanvragen:mijn-gegevens"))
                      .content)


def test_elk_stadium_staat_in_de_download(medewerkers):
    maak_periode()
    aanvraag, cheque = _dossier(medewerkers)
    export = _export(aanvraag.aanvrager)
    ref = aanvraag.referentie
    assert export["gesprekken"][0]["aanvraag"] == ref
    assert export["gesprekken"][0]["verslag (alleen voor medewerkers)"] == "Wil de techniek in."
    plan = export["scholingsplannen"][0]
    assert plan["naam opleiding"] == "Elektrotechnisch monteur"
    assert plan["cofinanciering"][0]["partij"] == "Bouwbedrijf Twente"
    assert export["akkoorden_op_het_scholingsplan"]
    assert export["beschikkingen"][0]["uitkomst"]
    assert export["cheques"][0]["chequenummer"] == cheque.nummer
    assert export["cheques"][0]["opleider"] == cheque.opleider.naam
    assert export["declaraties_van_de_opleider"][0]["factuurnummer"] == "F-1"
    assert export["vervolgvragenlijsten"][0]["aanvraag"] == ref


def test_geen_geheimen_en_geen_gegevens_van_anderen(medewerkers):
    maak_periode()
    aanvraag, cheque = _dossier(medewerkers)
    tekst = json.dumps(_export(aanvraag.aanvrager))
    assert cheque.verificatiecode_hash not in tekst
    assert CONTACT not in tekst and "Jan Contactpersoon" not in tekst
    for geheim in ("hash", "token", "zout"):
        assert geheim not in tekst


def test_alleen_eigen_dossiers(medewerkers):
    maak_periode()
    eigen, _ = _dossier(medewerkers)
    ander, ander_cheque = _dossier(medewerkers)
    tekst = json.dumps(_export(eigen.aanvrager))
    assert ander.referentie not in tekst and ander_cheque.nummer not in tekst


def test_aantal_queries_groeit_niet_met_het_dossier(medewerkers):
    maak_periode(plafond=Decimal("100000.00"))
    een, _ = _dossier(medewerkers)
    twee, _ = _dossier(medewerkers)
    # a second aanvraag with its plan, gesprek and cheque (within the per-person cap)
    _dossier(medewerkers, aanvrager=twee.aanvrager, bedrag="500.00")

    def queries(aanvrager):
        inwoner = log_in_als_inwoner(aanvrager)
        with CaptureQueriesContext(connection) as ctx:
            assert inwoner.get(reverse("aanvragen:mijn-gegevens")).status_code == 200
        return len(ctx)

    assert queries(een.aanvrager) == queries(twee.aanvrager)
