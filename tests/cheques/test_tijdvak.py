"""One tijdvak per aanvraag (Awb 4:25) and a cheque that is never issued already expired."""

import datetime
from decimal import Decimal as D

import pytest
from django.utils import timezone

from cheques import services
from tests.tfvv.factories import begroting
from tfvv import budget_selectors

pytestmark = pytest.mark.django_db


def ken_toe(plan, door):
    return services.toekennen(plan=plan, door=door, bedrag=D("1500.00"),
                              motivering="Het plan voldoet aan alle regels.").cheque


def test_toekenning_boekt_in_het_tijdvak_van_de_aanvraagdatum(maak_plan, medewerkers):
    vandaag = timezone.localdate()
    oud = begroting(naam="oud", van=datetime.date(2023, 1, 1),
                    tot=vandaag.replace(month=1, day=1) - datetime.timedelta(days=1),
                    plafond="100000")
    nu = begroting(naam="nu", van=vandaag.replace(month=1, day=1),
                   tot=vandaag.replace(month=12, day=31), plafond="100000")
    plan = maak_plan()
    plan.aanvraag.aanvraagdatum = datetime.date(2023, 3, 1)  # received in the old tijdvak
    plan.aanvraag.save(update_fields=["aanvraagdatum"])
    # the subsidietoets R9 looks at this tijdvak ...
    assert budget_selectors.periode_op(plan.aanvraag.aanvraagdatum) == oud
    # ... and the grant, decided today, books in it too
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    assert cheque.periode == oud
    stand_oud, stand_nu = budget_selectors.standen([oud, nu])
    assert stand_oud.gereserveerd == D("1500.00") and stand_nu.gereserveerd == 0


def test_cheque_nooit_al_verlopen_uitgegeven(periode, maak_plan, medewerkers):
    vandaag = timezone.localdate()
    afgelopen = maak_plan(startdatum=vandaag - datetime.timedelta(days=400),
                          einddatum=vandaag - datetime.timedelta(days=200))
    lopend = maak_plan(einddatum=vandaag + datetime.timedelta(days=10))
    assert ken_toe(afgelopen, medewerkers["beoordelaar"]).geldig_tot == \
        vandaag + datetime.timedelta(days=90)
    assert ken_toe(lopend, medewerkers["beoordelaar"]).geldig_tot == \
        vandaag + datetime.timedelta(days=100)
