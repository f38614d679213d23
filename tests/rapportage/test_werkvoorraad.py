"""Work queues of the project office and the beoordelaars against known cases."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques.models import Aanvulverzoek, Beschikking
from loopbaangesprekken.models import Gesprek, Opleider, Scholingsplan, Sector
from rapportage import werkvoorraad
from tests import tijd
from tests.aanvragen.factories import AanvraagFactory
from tests.rapportage.factories import eigen_tijdstippen

pytestmark = pytest.mark.django_db


@pytest.fixture
def plannen(medewerkers):
    """Submitted plans at known ages; returns today's date."""
    vandaag = timezone.localdate()
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    sector = Sector.objects.create(naam="Zorg", kansrijk=True)
    opleider = Opleider.objects.create(naam="ROC")

    def plan(dagen, status=Scholingsplan.Status.INGEDIEND, pauze=None, open_verzoek=False):
        a = AanvraagFactory(consulent=consulent, status=Aanvraag.Status.INGEDIEND)
        ingediend = tijd.dagen_geleden(dagen)
        p = Scholingsplan.objects.create(
            aanvraag=a, consulent=consulent, opleiding_naam="x", opleiding_niveau="mbo-3",
            opleider=opleider, startdatum=vandaag, einddatum=vandaag, route="skills",
            doelberoep="y", doelsector=sector, gevraagd_bedrag=Decimal("1000"),
            ingediend_op=ingediend, status=status)
        with eigen_tijdstippen():
            if pauze:
                Aanvulverzoek.objects.create(
                    plan=p, gevraagd_door=beoordelaar, omschrijving="z",
                    gevraagd_op=ingediend + datetime.timedelta(days=1),
                    beantwoord_op=ingediend + datetime.timedelta(days=1 + pauze),
                    hersteltermijn_tot=vandaag)
            if open_verzoek:
                Aanvulverzoek.objects.create(
                    plan=p, gevraagd_door=beoordelaar, omschrijving="z",
                    gevraagd_op=ingediend + datetime.timedelta(days=1),
                    hersteltermijn_tot=vandaag)
        return p

    plan(70)                      # overschreden
    plan(70, pauze=20)            # 56 + 20 - 70 = 6 days left: binnen een week
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
    assert b["totaal"] == 7
    assert (b["ingediend"], b["aanvulling"], b["wacht_op_medeondertekening"]) == (6, 1, 1)
    assert (b["overschreden"], b["binnen_week"], b["binnen_twee_weken"], b["later"],
            b["opgeschort"]) == (1, 2, 1, 2, 1)
    # age since submission: <2 weeks, 2-4, 4-8, >=8 weeks
    assert [b["k0"], b["k1"], b["k2"], b["k3"]] == [1, 1, 3, 2]


def test_werklast_en_wachtrijen(plannen, medewerkers):
    rijen = werkvoorraad.werklast(plannen)
    assert rijen == [{"naam": medewerkers["consulent_lwl"].get_full_name(),
                      "loket": "Leerwerkloket Twente", "open": 8, "gepland": 1, "plannen": 0}]
    assert werkvoorraad.wachtrijen() == [
        {"status": "ingediend bij gemeente Enschede", "loket": "Leerwerkloket Twente",
         "aantal": 8}]


def test_pagina_per_rol(plannen, client_als, medewerkers):
    naam = medewerkers["consulent_lwl"].get_full_name()
    beheer = client_als("beheerder").get(reverse("rapportage:werkvoorraad")).content.decode()
    assert "Werkvoorraad projectbureau" in beheer and naam in beheer
    beoordelaar = client_als("beoordelaar").get(reverse("rapportage:werkvoorraad"))
    html = beoordelaar.content.decode()
    assert "Werkvoorraad beoordelaars" in html and naam not in html
    assert "Overschreden" in html
