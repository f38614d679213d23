"""Deadlines in the cheques stage end by the Algemene termijnenwet (frozen time)."""

import datetime

import pytest
from django.utils import timezone

from cheques import selectors, services
from cheques.forms import AanvullingForm

pytestmark = pytest.mark.django_db


def bevries(time_machine, dag):
    time_machine.move_to(datetime.datetime.combine(dag, datetime.time(9), tzinfo=datetime.UTC),
                         tick=False)


def test_hersteltermijn_op_zaterdag_loopt_door_tot_maandag(
        periode, maak_plan, medewerkers, time_machine):
    bevries(time_machine, datetime.date(2026, 3, 2))
    plan = maak_plan()
    verzoek = services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                        omschrijving="Offerte",
                                        hersteltermijn_tot=datetime.date(2026, 3, 14))
    assert verzoek.hersteltermijn_tot == datetime.date(2026, 3, 16)


def test_voorgestelde_hersteltermijn_valt_na_kerst(time_machine):
    bevries(time_machine, datetime.date(2026, 12, 11))  # +14 days = Friday 25 December
    assert AanvullingForm().initial["hersteltermijn_tot"] == datetime.date(2026, 12, 28)


def test_beslistermijn_op_koningsdag(periode, maak_plan, time_machine):
    # received Monday 2 March 2026: eight weeks later is Monday 27 April, Koningsdag
    bevries(time_machine, datetime.date(2026, 3, 2))
    plan = maak_plan(ingediend_op=timezone.now())
    termijn = selectors.beslistermijn(plan, [], timezone.localdate())
    assert termijn.einde == datetime.date(2026, 4, 28)


def test_bezwaartermijn_beschikking_op_kerst(periode, maak_plan, medewerkers, time_machine):
    bevries(time_machine, datetime.date(2026, 11, 13))  # +6 weeks = Friday 25 December
    plan = maak_plan()
    b = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                           bedrag=plan.gevraagd_bedrag, motivering="Voldoet.")
    assert b.bezwaartermijn_tot == datetime.date(2026, 12, 28)
