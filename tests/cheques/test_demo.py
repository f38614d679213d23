from decimal import Decimal

import pytest

from cheques import demo
from cheques.models import Beschikking, Cheque
from loopbaangesprekken.models import Scholingsplan
from tests.cheques.factories import toets_met
from tfvv import budget_selectors
from tfvv.demo import laad as laad_medewerkers
from tfvv.models import Begrotingsperiode

pytestmark = pytest.mark.django_db


def test_demo_maakt_elke_toestand_en_is_idempotent(maak_plan):
    laad_medewerkers(lambda s: None)
    for _ in range(9):
        maak_plan()
    maak_plan(toets_snapshot=toets_met(R7="niet voldaan"))
    maak_plan(gevraagd_bedrag=Decimal("2400.00"))
    for _ in range(3):
        maak_plan()
    uitvoer = []
    demo.laad(uitvoer.append)
    demo.laad(uitvoer.append)

    periode = Begrotingsperiode.objects.get(naam="2023–2026")
    stand = budget_selectors.standen([periode])[0]
    assert stand.toegezegd == Decimal("8250000.00")  # cofinanciering is not committed money
    assert periode.gepubliceerd_op is not None
    assert set(Cheque.objects.values_list("status", flat=True)) == set(Cheque.Status.values)
    assert Cheque.objects.count() == len(Cheque.Status.values)
    uitkomsten = set(Beschikking.objects.values_list("uitkomst", "status"))
    assert {("afwijzing", "verzonden"), ("buiten_behandeling", "verzonden"),
            ("toekenning", "concept"), ("toekenning", "verzonden")} <= uitkomsten
    assert Scholingsplan.objects.filter(status=Scholingsplan.Status.AANVULLING).exists()
    assert Scholingsplan.objects.filter(status=Scholingsplan.Status.INGEDIEND,
                                        beschikking__isnull=True).exists()
    assert stand.gereserveerd + stand.gerealiseerd <= stand.toegezegd
    assert "niets nieuw" in uitvoer[-1]
