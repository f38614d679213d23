import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cheques.models import Beschikking, Cheque
from tests.cheques.factories import ScholingsplanFactory, maak_periode


@pytest.fixture
def periode(db):
    return maak_periode()


@pytest.fixture
def maak_plan(medewerkers):
    """maak_plan(gevraagd_bedrag=..., toets_snapshot=...) -> a submitted scholingsplan."""

    def maak(**kwargs):
        kwargs.setdefault("consulent", medewerkers["consulent_lwl"])
        return ScholingsplanFactory(**kwargs)

    return maak


@pytest.fixture
def maak_cheques(periode, maak_plan, medewerkers):
    """maak_cheques(n, status) -> n cheques with consecutive numbers (rows only)."""
    teller = iter(range(1, 10_000))

    def maak(n: int, status: str = Cheque.Status.UITGEGEVEN) -> list[Cheque]:
        cheques = []
        for _ in range(n):
            plan = maak_plan()
            beschikking = Beschikking.objects.create(
                plan=plan, uitkomst=Beschikking.Uitkomst.TOEKENNING,
                status=Beschikking.Status.VERZONDEN, bedrag=Decimal("1500.00"),
                motivering="Voldoet.", grondslag="Verordening",
                beoordelaar=medewerkers["beoordelaar"])
            cheques.append(Cheque.objects.create(
                nummer=f"TFV-2026-{next(teller):06d}", beschikking=beschikking,
                periode=periode, opleider=plan.opleider, bedrag=Decimal("1500.00"),
                verificatiecode_hash="-", status=status, uitgegeven_op=timezone.localdate(),
                geldig_tot=timezone.localdate() + datetime.timedelta(days=400)))
        return cheques

    return maak
