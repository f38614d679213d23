"""Work queues of the project office and the beoordelaars against known cases."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques import selectors as cheques_selectors
from cheques.models import Aanvulverzoek, Beschikking
from loopbaangesprekken.models import Gesprek, Opleider, Scholingsplan, Sector
from loopbaangesprekken.selectors.scholingsplan import PLAN_OBJECTTYPE
from rapportage import werkvoorraad
from tests import tijd
from tests.aanvragen.factories import AanvraagFactory
from tests.rapportage.factories import eigen_tijdstippen
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


@pytest.fixture
def plannen(medewerkers):
    """Submitted plans at known ages; returns today's date."""
    vandaag = timezone.localdate()
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    sector = Sector.objects.create(naam="Zorg", kansrijk=True)
    opleider = Opleider.objects.create(naam="ROC")

    def plan(dagen, status=Scholingsplan.Status.INGEDIEND, pauze=None, open_verzoek=False,
             terug=None):
        a = AanvraagFactory(consulent=consulent, status=Aanvraag.Status.INGEDIEND)
        ingediend = tijd.dagen_geleden(dagen)
        p = Scholingsplan.objects.create(
            aanvraag=a, consulent=consulent, opleiding_naam="x", opleiding_niveau="mbo-3",
            opleider=opleider, startdatum=vandaag, einddatum=vandaag, route="skills",
            doelberoep="y", doelsector=sector, gevraagd_bedrag=Decimal("1000"),
            ingediend_op=ingediend, status=status)
        def gebeurtenis(actie, na_dagen):
            with eigen_tijdstippen(Gebeurtenis):
                Gebeurtenis.objects.create(
                    objecttype=PLAN_OBJECTTYPE, object_id=str(p.pk), actie=actie,
                    dossier_id=a.pk, tijdstip=ingediend + datetime.timedelta(days=na_dagen))

        if terug:  # returned for changes the next day, resubmitted `terug` days later
            gebeurtenis("terugsturen", 1)
            gebeurtenis("indienen", 1 + terug)
        with eigen_tijdstippen():
            if pauze:  # an aanvulling asked the next day, supplied `pauze` days later
                Aanvulverzoek.objects.create(
                    plan=p, gevraagd_door=beoordelaar, omschrijving="z",
                    gevraagd_op=ingediend + datetime.timedelta(days=1),
                    beantwoord_op=ingediend + datetime.timedelta(days=1 + pauze),
                    hersteltermijn_tot=vandaag)
                gebeurtenis("aanvullen", 1 + pauze)
            if open_verzoek:
                Aanvulverzoek.objects.create(
                    plan=p, gevraagd_door=beoordelaar, omschrijving="z",
                    gevraagd_op=ingediend + datetime.timedelta(days=1),
                    hersteltermijn_tot=vandaag)
        return p

    plan(70)                      # overschreden
    plan(70, pauze=20)            # 56 + 20 - 70 = 6 days left: binnen een week
    plan(70, terug=20)            # the same, suspended by a return for changes
    plan(50)                      # 6 days left
    plan(45)                      # 11 days left
    plan(10)                      # 46 days left
    plan(30, status=Scholingsplan.Status.AANVULLING, open_verzoek=True)  # opgeschort
    besloten = plan(20)
    Beschikking.objects.create(plan=besloten, uitkomst="toekenning", bedrag=Decimal("1000"),
                               motivering="m", grondslag="g", beoordelaar=beoordelaar)
    verzonden = plan(80)          # decided and sent: not in the queue
    Beschikking.objects.create(plan=verzonden, uitkomst="toekenning", bedrag=Decimal("1000"),
                               motivering="m", grondslag="g", beoordelaar=beoordelaar,
                               status="verzonden")
    Gesprek.objects.create(aanvraag=besloten.aanvraag, consulent=consulent, vorm="video",
                           gepland_op=timezone.now() + datetime.timedelta(days=3))
    return vandaag


def test_beslistermijnen(plannen):
    b = werkvoorraad.beslistermijnen(plannen)
    assert b["totaal"] == 8
    assert (b["ingediend"], b["aanvulling"], b["wacht_op_medeondertekening"]) == (7, 1, 1)
    assert (b["overschreden"], b["binnen_week"], b["binnen_twee_weken"], b["later"],
            b["opgeschort"]) == (1, 3, 1, 2, 1)
    # age since submission: <2 weeks, 2-4, 4-8, >=8 weeks
    assert [b["k0"], b["k1"], b["k2"], b["k3"]] == [1, 1, 3, 3]


def test_beslistermijnen_gelijk_aan_de_werkvoorraad_van_de_beoordelaar(plannen):
    """The report and the beoordelaar's queue count the suspensions the same way."""
    b = werkvoorraad.beslistermijnen(plannen)
    verzonden = set(Beschikking.objects.filter(status="verzonden").values_list("plan", flat=True))
    termijnen = [r.termijn for r in cheques_selectors.werkvoorraad() if r.plan.pk not in verzonden]
    assert len(termijnen) == b["totaal"]
    assert sum(t.overschreden for t in termijnen) == b["overschreden"]
    assert sum(t.opgeschort for t in termijnen) == b["opgeschort"]
    binnen_week = [t for t in termijnen if t.einde and 0 <= (t.einde - plannen).days <= 7]
    assert len(binnen_week) == b["binnen_week"]


def test_werklast_en_wachtrijen(plannen, medewerkers):
    rijen = werkvoorraad.werklast(plannen)
    assert rijen == [{"naam": medewerkers["consulent_lwl"].get_full_name(),
                      "loket": "Leerwerkloket Twente", "open": 9, "gepland": 1, "plannen": 0}]
    assert werkvoorraad.wachtrijen() == [
        {"status": "ingediend bij gemeente Enschede", "loket": "Leerwerkloket Twente",
         "aantal": 9}]


def test_pagina_per_rol(plannen, client_als, medewerkers):
    naam = medewerkers["consulent_lwl"].get_full_name()
    beheer = client_als("beheerder").get(reverse("rapportage:werkvoorraad")).content.decode()
    assert "Werkvoorraad projectbureau" in beheer and naam in beheer
    beoordelaar = client_als("beoordelaar").get(reverse("rapportage:werkvoorraad"))
    html = beoordelaar.content.decode()
    assert "Werkvoorraad beoordelaars" in html and naam not in html
    assert "Overschreden" in html
